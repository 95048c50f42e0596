package travel.amur.itinerary.planning.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.FlightDisrupted;

/**
 * Finds the trips a disruption befalls and records it on each: every agency's trips that have not ended and fly
 * the flight. Alternatives, re-booking and the stream's {@code disruption} event are to come (issue 15).
 */
@Service
public class RecordingDisruptions {

    private static final Logger log = LoggerFactory.getLogger(RecordingDisruptions.class);

    private final TripDisruptions disruptions;
    private final Clock clock;

    RecordingDisruptions(TripDisruptions disruptions, Clock clock) {
        this.disruptions = disruptions;
        this.clock = clock;
    }

    public Mono<List<UUID>> flightDisrupted(FlightDisrupted event) {
        boolean cancelled = "CANCELLED".equals(event.type());
        String detail = event.flightNumber() + (cancelled ? " of " + event.previousDeparture() + " is cancelled"
                : " now leaves at " + event.departure() + " (was " + event.previousDeparture() + ")")
                + ": " + event.reason();
        return disruptions.recordForFlight(event.flightId(), event.disruptionId(),
                        cancelled ? "FLIGHT_CANCELLED" : "FLIGHT_RETIMED", detail, clock.instant())
                .doOnNext(trips -> log.info("{} {}: {} trip(s) disrupted", event.flightNumber(), event.type(),
                        trips.size()));
    }
}
