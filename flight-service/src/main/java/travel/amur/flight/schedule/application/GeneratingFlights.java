package travel.amur.flight.schedule.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps dated flights on sale for a rolling window: every schedule's flights from yesterday to the horizon. Safe to run
 * again and in several replicas: a flight that exists is left as it is.
 */
@Service
public class GeneratingFlights {

    private static final Logger log = LoggerFactory.getLogger(GeneratingFlights.class);

    private final Network network;
    private final FlightsOnSale onSale;
    private final Clock clock;

    GeneratingFlights(Network network, FlightsOnSale onSale, Clock clock) {
        this.network = network;
        this.onSale = onSale;
        this.clock = clock;
    }

    /** Generates the window around today; emits the number of flights added. */
    public Mono<Long> generate() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return generate(today.minusDays(1), today.plusDays(onSale.horizonDays()));
    }

    public Mono<Long> generate(LocalDate from, LocalDate to) {
        return network.schedules()
                .concatMap(schedule -> network.addFlights(schedule.flightsBetween(from, to)))
                .reduce(0L, Long::sum)
                .doOnNext(added -> log.info("flights on sale from {} to {}: {} added", from, to, added));
    }
}
