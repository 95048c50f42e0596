package travel.amur.flight.schedule.infrastructure;

import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import travel.amur.common.config.RepeatingTask;
import travel.amur.flight.schedule.application.FlightsOnSale;
import travel.amur.flight.schedule.application.GeneratingFlights;

/**
 * Generates the window once before the service reports ready (so a fresh database has flights to sell), then moves it
 * on every refresh interval.
 */
@Configuration(proxyBeanMethods = false)
class FlightGenerationJob {

    @Bean
    ApplicationRunner flightsBeforeReady(GeneratingFlights generating) {
        // Start-up runs on the main thread, before readiness is reported: waiting here is intended.
        return args -> generating.generate().block(Duration.ofMinutes(2));
    }

    @Bean
    RepeatingTask flightWindow(GeneratingFlights generating, FlightsOnSale onSale) {
        return new RepeatingTask("moving the flight window on", onSale.refreshInterval(), onSale.refreshInterval(),
                generating::generate);
    }
}
