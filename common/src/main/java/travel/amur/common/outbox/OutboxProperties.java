package travel.amur.common.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the transactional outbox and its relay ({@code amur.outbox.*}).
 *
 * @param relayEnabled whether this instance publishes stored events (every replica may; they share the work)
 * @param batchSize how many events one relay round claims
 * @param pollInterval how often the relay looks without being notified; only a fallback for lost notifications
 * @param sendTimeout how long a round waits for Kafka's acknowledgements before it gives the events back
 * @param retention how long published events are kept for inspection before they are deleted
 */
@ConfigurationProperties("amur.outbox")
public record OutboxProperties(boolean relayEnabled, int batchSize, Duration pollInterval, Duration sendTimeout,
        Duration retention) {

    public static final String CHANNEL = "amur_outbox";

    public OutboxProperties {
        batchSize = batchSize > 0 ? batchSize : 200;
        pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(2);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(15);
        retention = retention != null ? retention : Duration.ofDays(7);
    }
}
