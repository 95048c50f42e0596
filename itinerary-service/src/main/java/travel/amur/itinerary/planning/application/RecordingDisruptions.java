package travel.amur.itinerary.planning.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.FlightDisrupted;
import travel.amur.common.contract.itinerary.ItineraryDisrupted;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;

/**
 * Finds the trips a disruption befalls and records it on each: every agency's trips that have not ended and fly
 * the flight. Each trip's disruption is announced (ItineraryDisrupted, through the outbox, in the same transaction)
 * for the agency's webhooks.
 */
@Service
public class RecordingDisruptions {

    private static final Logger log = LoggerFactory.getLogger(RecordingDisruptions.class);

    private final TripDisruptions disruptions;
    private final Outbox outbox;
    private final Clock clock;

    RecordingDisruptions(TripDisruptions disruptions, Outbox outbox, Clock clock) {
        this.disruptions = disruptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<List<TripDisruptions.Recorded>> flightDisrupted(FlightDisrupted event, Causation causation) {
        boolean cancelled = "CANCELLED".equals(event.type());
        String type = cancelled ? "FLIGHT_CANCELLED" : "FLIGHT_RETIMED";
        String detail = event.flightNumber() + (cancelled ? " of " + event.previousDeparture() + " is cancelled"
                : " now leaves at " + event.departure() + " (was " + event.previousDeparture() + ")")
                + ": " + event.reason();
        Instant now = clock.instant();
        return disruptions.recordForFlight(event.flightId(), event.disruptionId(), type, detail, now)
                .flatMap(recorded -> announce(recorded, type, event.flightId().toString(), detail, now, causation)
                        .thenReturn(recorded))
                .doOnNext(trips -> log.info("{} {}: {} trip(s) disrupted", event.flightNumber(), event.type(),
                        trips.size()));
    }

    private Mono<Void> announce(List<TripDisruptions.Recorded> recorded, String type, String subject, String detail,
            Instant at, Causation causation) {
        return Flux.fromIterable(recorded)
                .concatMap(trip -> outbox.publish(Topics.ITINERARY_EVENTS, new ItineraryDisrupted(trip.itineraryId(),
                        trip.agencyId(), trip.disruptionId(), type, subject, detail, at), trip.itineraryId(), causation))
                .then();
    }
}
