package travel.amur.itinerary.planning.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long to wait for the flight and visa services ({@code amur.itinerary.clients.*}). Where they answer is the
 * load balancer's instance list in {@code itinerary-service.yml}, by default {@code amur.itinerary.clients.*-url}.
 */
@ConfigurationProperties("amur.itinerary.clients")
record ServiceClients(Duration timeout) {

    ServiceClients {
        timeout = timeout != null ? timeout : Duration.ofSeconds(3);
    }
}
