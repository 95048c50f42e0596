package travel.amur.itinerary.booking.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a booking waits for its participants. A participant that is away (restarting, its broker failing over)
 * gets its command again, each time after a longer pause, and the booking gives up only at its deadline: {@code
 * patience} after it started, or earlier when a seat hold would expire within {@code holdMargin} of it.
 *
 * @param firstResend how long a step waits for its answer before its command is sent again
 * @param maxResendInterval the longest pause between two sends of a step's command
 * @param patience how long after it started a booking gives up on a step that has not answered
 * @param holdMargin how long before a seat hold expires the booking gives up at the latest, so that a confirmation
 *         sent at the deadline still finds the seats held
 */
public record SagaPatience(Duration firstResend, Duration maxResendInterval, Duration patience,
        Duration holdMargin) {

    public SagaPatience {
        if (!positive(firstResend) || !positive(maxResendInterval) || !positive(patience) || holdMargin == null
                || holdMargin.isNegative()) {
            throw new IllegalArgumentException("a booking needs positive resend intervals and patience");
        }
        if (maxResendInterval.compareTo(firstResend) < 0 || patience.compareTo(firstResend) <= 0) {
            throw new IllegalArgumentException("patience (" + patience + ") and the longest pause ("
                    + maxResendInterval + ") must exceed the first resend (" + firstResend + ")");
        }
    }

    /** When a step asked for the {@code attempts}-th time at {@code now} is asked again: the pause doubles. */
    Instant nextResend(Instant now, int attempts) {
        Duration pause = firstResend;
        for (int i = 1; i < attempts && pause.compareTo(maxResendInterval) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return now.plus(pause.compareTo(maxResendInterval) > 0 ? maxResendInterval : pause);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
