package travel.amur.itinerary.booking.model;

import java.time.Duration;

/**
 * How long each step may take before its command is sent again (each retry waits longer), and how many attempts
 * a step gets before the booking gives up on it.
 */
public record SagaTimeouts(Duration stepTimeout, int maxAttempts) {

    public SagaTimeouts {
        if (stepTimeout.isNegative() || stepTimeout.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("a step needs a positive timeout and at least one attempt");
        }
    }
}
