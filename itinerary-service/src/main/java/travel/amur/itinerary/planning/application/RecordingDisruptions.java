package travel.amur.itinerary.planning.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.FlightDisrupted;
import travel.amur.common.contract.itinerary.AttractionClosed;
import travel.amur.common.contract.itinerary.AttractionReopened;
import travel.amur.common.contract.visa.EntryPolicyChanged;
import travel.amur.common.contract.itinerary.ItineraryDisrupted;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.itinerary.catalog.application.Catalog;

/**
 * Finds the trips a disruption befalls and records it on each: every agency's trips that have not ended and fly
 * the flight, visit the closed attraction on a closed day, or relied on an entry policy that no longer admits them. Each trip's disruption is announced (ItineraryDisrupted, through the outbox, in the same transaction)
 * for the agency's webhooks.
 */
@Service
public class RecordingDisruptions {

    private static final Logger log = LoggerFactory.getLogger(RecordingDisruptions.class);

    private final TripDisruptions disruptions;
    private final Catalog catalog;
    private final Outbox outbox;
    private final Clock clock;

    RecordingDisruptions(TripDisruptions disruptions, Catalog catalog, Outbox outbox, Clock clock) {
        this.disruptions = disruptions;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An attraction closed: every trip that visits it on a closed day still to come. */
    public Mono<List<TripDisruptions.Recorded>> attractionClosed(AttractionClosed event, Causation causation) {
        Instant now = clock.instant();
        return catalog.attractions().flatMap(all -> {
            String name = all.containsKey(event.attractionId()) ? all.get(event.attractionId()).names().in("en")
                    : event.attractionId();
            String detail = name + " is closed from " + event.from() + (event.to() == null ? " until further notice"
                    : " to " + event.to()) + ": " + event.reason();
            return disruptions.recordForAttraction(event.attractionId(), event.closureId(), event.from(),
                            event.to(), LocalDate.ofInstant(now, ZoneOffset.UTC), detail, now)
                    .flatMap(recorded -> announce(recorded, "ATTRACTION_CLOSED", event.attractionId(), detail, now,
                            causation).thenReturn(recorded));
        }).doOnNext(trips -> log.info("{} closed: {} trip(s) disrupted", event.attractionId(), trips.size()));
    }

    /** An entry policy narrowed or retired: every trip that relied on it for its dates and no longer fits. */
    public Mono<List<TripDisruptions.Recorded>> policyChanged(EntryPolicyChanged event, Causation causation) {
        Instant now = clock.instant();
        boolean retired = "RETIRED".equals(event.change());
        String detail = event.policyId() + (retired ? " was retired"
                : " now admits entries from " + event.entryFrom() + (event.entryTo() == null ? "" : " to "
                        + event.entryTo()) + " for stays of up to " + event.maxStayDays() + " days (was "
                        + event.previousEntryFrom() + (event.previousEntryTo() == null ? "" : " to "
                                + event.previousEntryTo()) + ", " + event.previousMaxStayDays() + " days)")
                + ": the trip's entry no longer rests on it";
        var change = new TripDisruptions.PolicyChange(event.changeId(), event.policyId(), retired,
                "GROUP_VISA_FREE".equals(event.kind()), event.nationalities(), event.destinations(),
                event.previousEntryFrom(), event.previousEntryTo(), event.entryFrom(), event.entryTo(),
                event.maxStayDays());
        return disruptions.recordForPolicy(change, LocalDate.ofInstant(now, ZoneOffset.UTC), detail, now)
                .flatMap(recorded -> announce(recorded, "ENTRY_POLICY_CHANGED", event.policyId(), detail, now,
                        causation).thenReturn(recorded))
                .doOnNext(trips -> log.info("{} {}: {} trip(s) disrupted", event.policyId(), event.change(),
                        trips.size()));
    }

    /** A closure lifted: what it caused and nobody settled yet is resolved. */
    public Mono<List<UUID>> attractionReopened(AttractionReopened event) {
        return disruptions.resolveCause(event.closureId(), clock.instant())
                .doOnNext(trips -> log.info("{} reopened: {} trip disruption(s) resolved", event.attractionId(),
                        trips.size()));
    }

    public Mono<List<TripDisruptions.Recorded>> flightDisrupted(FlightDisrupted event, Causation causation) {
        if ("REINSTATED".equals(event.type())) {
            // The flight flies after all: its cancellation's disruptions nobody acted on are resolved.
            return disruptions.resolveOpen("FLIGHT_CANCELLED", event.flightId().toString(), clock.instant())
                    .doOnNext(trips -> log.info("{} reinstated: {} trip disruption(s) resolved", event.flightNumber(),
                            trips.size()))
                    .thenReturn(List.of());
        }
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
