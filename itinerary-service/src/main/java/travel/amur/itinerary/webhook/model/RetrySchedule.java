package travel.amur.itinerary.webhook.model;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a delivery that was not answered 2xx is tried again: after {@code first}, doubling up to {@code longest}, each
 * pause spread by up to a fifth either way (so receivers back up are not hit by every sender at once), until
 * {@code giveUpAfter} from the delivery's creation.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    /** The next attempt after {@code attempts} failed ones, or null when the delivery has failed for good. */
    public Instant next(Instant createdAt, int attempts, Instant now, DoubleSupplier random) {
        double pause = first.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
        double capped = Math.min(pause, longest.toMillis());
        long jittered = Math.round(capped * (0.8 + 0.4 * random.getAsDouble()));
        Instant next = now.plusMillis(Math.max(1, jittered));
        return next.isAfter(createdAt.plus(giveUpAfter)) ? null : next;
    }
}
