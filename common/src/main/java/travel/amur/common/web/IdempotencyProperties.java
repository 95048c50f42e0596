package travel.amur.common.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code Idempotency-Key} handling ({@code amur.idempotency.*}).
 *
 * @param retention how long a key and its first response are kept (at least 24 hours, as the IETF draft asks)
 * @param lease how long a first attempt may run before a retry may take over; it must exceed any request's run time
 */
@ConfigurationProperties("amur.idempotency")
public record IdempotencyProperties(Duration retention, Duration lease) {

    public IdempotencyProperties {
        retention = retention != null ? retention : Duration.ofHours(24);
        lease = lease != null ? lease : Duration.ofSeconds(60);
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("amur.idempotency.retention must be at least 24h");
        }
    }
}
