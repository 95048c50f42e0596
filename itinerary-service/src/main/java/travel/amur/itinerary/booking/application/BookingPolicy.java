package travel.amur.itinerary.booking.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import travel.amur.itinerary.booking.model.SagaTimeouts;

/**
 * Timeouts of the booking saga ({@code amur.booking.*}).
 *
 * @param stepTimeout how long a step waits for its answer before asking again (each retry waits longer)
 * @param maxAttempts how many times a step asks before the booking gives up and compensates
 * @param scanInterval how often overdue steps are looked for
 */
@ConfigurationProperties("amur.booking")
public record BookingPolicy(Duration stepTimeout, int maxAttempts, Duration scanInterval) {

    public BookingPolicy {
        stepTimeout = stepTimeout != null ? stepTimeout : Duration.ofSeconds(10);
        maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
        scanInterval = scanInterval != null ? scanInterval : Duration.ofSeconds(1);
    }

    public SagaTimeouts timeouts() {
        return new SagaTimeouts(stepTimeout, maxAttempts);
    }
}
