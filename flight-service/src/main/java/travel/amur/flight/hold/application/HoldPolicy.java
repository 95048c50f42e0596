package travel.amur.flight.hold.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long holds last and how often expired ones are released ({@code amur.flight.holds.*}).
 *
 * @param timeToLive how long seats stay held unless confirmed (Duffel's {@code payment_required_by}); a hold never
 *        outlasts its flight's departure
 * @param expiryInterval how often the service looks for holds past their time
 */
@ConfigurationProperties("amur.flight.holds")
public record HoldPolicy(Duration timeToLive, Duration expiryInterval) {

    public HoldPolicy {
        timeToLive = timeToLive != null ? timeToLive : Duration.ofMinutes(15);
        expiryInterval = expiryInterval != null ? expiryInterval : Duration.ofSeconds(5);
    }
}
