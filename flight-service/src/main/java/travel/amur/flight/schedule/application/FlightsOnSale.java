package travel.amur.flight.schedule.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far ahead flights are on sale ({@code amur.flight.schedule.*}).
 *
 * @param horizon dated flights exist from today to today plus this
 * @param refreshInterval how often the rolling window moves on
 */
@ConfigurationProperties("amur.flight.schedule")
public record FlightsOnSale(Duration horizon, Duration refreshInterval) {

    public FlightsOnSale {
        horizon = horizon != null ? horizon : Duration.ofDays(365);
        refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofHours(6);
    }

    public long horizonDays() {
        return horizon.toDays();
    }
}
