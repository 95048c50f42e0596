package travel.amur.flight.schedule.infrastructure;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import travel.amur.flight.schedule.application.FlightsOnSale;
import travel.amur.flight.schedule.application.GeneratingFlights;

/**
 * Generates the window once before the service reports ready (so a fresh database has flights to sell), then moves it
 * on every refresh interval.
 */
@Component
class FlightGenerationJob implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FlightGenerationJob.class);

    private final GeneratingFlights generating;
    private final FlightsOnSale onSale;
    private volatile Disposable refreshing;

    FlightGenerationJob(GeneratingFlights generating, FlightsOnSale onSale) {
        this.generating = generating;
        this.onSale = onSale;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Start-up runs on the main thread, before readiness is reported: waiting here is intended.
        generating.generate().block(Duration.ofMinutes(2));
    }

    @Override
    public void start() {
        refreshing = Flux.interval(onSale.refreshInterval(), onSale.refreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> generating.generate()
                        .doOnError(e -> log.warn("could not move the flight window on: {}", e.toString()))
                        .onErrorComplete(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        if (refreshing != null) {
            refreshing.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null && !refreshing.isDisposed();
    }
}
