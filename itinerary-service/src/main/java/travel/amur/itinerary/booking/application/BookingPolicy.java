package travel.amur.itinerary.booking.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import travel.amur.itinerary.booking.model.SagaPatience;

/**
 * How patient the booking saga is ({@code amur.booking.*}).
 *
 * @param firstResend how long a step waits for its answer before its command is sent again
 * @param maxResendInterval the longest pause between two sends (the pause doubles from {@code firstResend})
 * @param patience how long a booking waits, from its start, for a participant that does not answer before it gives
 *         up and compensates; it must stay well inside the flight service's hold time to live (15 min)
 * @param holdMargin how long before a seat hold expires the booking gives up at the latest
 * @param scanInterval how often overdue steps are looked for
 */
@ConfigurationProperties("amur.booking")
public record BookingPolicy(Duration firstResend, Duration maxResendInterval, Duration patience, Duration holdMargin,
        Duration scanInterval) {

    public BookingPolicy {
        firstResend = firstResend != null ? firstResend : Duration.ofSeconds(5);
        maxResendInterval = maxResendInterval != null ? maxResendInterval : Duration.ofSeconds(60);
        patience = patience != null ? patience : Duration.ofMinutes(5);
        holdMargin = holdMargin != null ? holdMargin : Duration.ofMinutes(2);
        scanInterval = scanInterval != null ? scanInterval : Duration.ofSeconds(1);
        saga(firstResend, maxResendInterval, patience, holdMargin);
    }

    public SagaPatience saga() {
        return saga(firstResend, maxResendInterval, patience, holdMargin);
    }

    private static SagaPatience saga(Duration first, Duration max, Duration patience, Duration margin) {
        return new SagaPatience(first, max, patience, margin);
    }
}
