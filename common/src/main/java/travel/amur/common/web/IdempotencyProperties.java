package travel.amur.common.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code Idempotency-Key} handling ({@code amur.idempotency.*}).
 *
 * @param retention how long a key and its first response are kept (at least 24 hours, as the IETF draft asks)
 */
@ConfigurationProperties("amur.idempotency")
public record IdempotencyProperties(Duration retention) {

    public IdempotencyProperties {
        retention = retention != null ? retention : Duration.ofHours(24);
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("amur.idempotency.retention must be at least 24h");
        }
    }
}
