package travel.amur.itinerary.planning.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the flight and visa services answer and how long to wait for them ({@code amur.itinerary.clients.*}).
 */
@ConfigurationProperties("amur.itinerary.clients")
record ServiceClients(String flightServiceUrl, String visaServiceUrl, Duration timeout) {

    ServiceClients {
        flightServiceUrl = flightServiceUrl != null ? flightServiceUrl : "http://127.0.0.1:8081";
        visaServiceUrl = visaServiceUrl != null ? visaServiceUrl : "http://127.0.0.1:8082";
        timeout = timeout != null ? timeout : Duration.ofSeconds(3);
    }
}
