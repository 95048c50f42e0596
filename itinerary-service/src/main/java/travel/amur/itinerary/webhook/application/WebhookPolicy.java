package travel.amur.itinerary.webhook.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import travel.amur.itinerary.webhook.model.RetrySchedule;

/**
 * How webhooks are delivered ({@code amur.webhooks.*}).
 *
 * @param firstRetry the pause after the first failed attempt (it doubles after each, up to {@code longestRetry})
 * @param giveUpAfter how long a delivery is retried before it is marked FAILED
 * @param timeout how long a receiver has to answer 2xx
 * @param scanInterval how often due deliveries are looked for
 * @param loopbackAllowed whether {@code http://127.0.0.1:*} may be registered (the local stack and tests only)
 * @param perAgency how many webhooks an agency may have
 */
@ConfigurationProperties("amur.webhooks")
public record WebhookPolicy(Duration firstRetry, Duration longestRetry, Duration giveUpAfter, Duration timeout,
        Duration scanInterval, boolean loopbackAllowed, Integer perAgency) {

    public WebhookPolicy {
        firstRetry = firstRetry != null ? firstRetry : Duration.ofSeconds(10);
        longestRetry = longestRetry != null ? longestRetry : Duration.ofHours(1);
        giveUpAfter = giveUpAfter != null ? giveUpAfter : Duration.ofHours(24);
        timeout = timeout != null ? timeout : Duration.ofSeconds(10);
        scanInterval = scanInterval != null ? scanInterval : Duration.ofSeconds(1);
        perAgency = perAgency != null ? perAgency : 10;
    }

    public RetrySchedule retries() {
        return new RetrySchedule(firstRetry, longestRetry, giveUpAfter);
    }
}
