package travel.amur.itinerary.booking.application;

import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.booking.model.RebookingOutcome;
import travel.amur.itinerary.planning.application.Itineraries;
import travel.amur.itinerary.planning.application.TripDisruptions;
import travel.amur.itinerary.planning.model.Alternative;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.TripDisruption;

/** Changes a trip by the alternative it took, and settles the disruption, in the caller's transaction. */
@Component
class Replans {

    private final Itineraries itineraries;
    private final TripDisruptions disruptions;

    Replans(Itineraries itineraries, TripDisruptions disruptions) {
        this.itineraries = itineraries;
        this.disruptions = disruptions;
    }

    /** The trip follows the alternative (its plan as worked out when proposed); the disruption is resolved. */
    Mono<Itinerary> apply(Itinerary trip, TripDisruption disruption, Alternative alternative, Instant now) {
        Itinerary next = trip.replanned(alternative.applyTo(trip.draft(), disruption.subject()),
                alternative.plan() == null ? trip.plan() : alternative.plan(), now);
        return itineraries.update(next, true)
                .then(disruptions.save(trip.id(), disruption.resolved(), now))
                .thenReturn(next);
    }

    /** What a booking's re-booking came to: the trip re-planned, or the disruption open again with the reason. */
    Mono<Itinerary> follow(RebookingOutcome outcome, Itinerary trip, Instant now) {
        return disruptions.lock(trip.id(), outcome.disruptionId()).flatMap(disruption -> {
            if (outcome instanceof RebookingOutcome.NotRebooked failed) {
                return disruptions.save(trip.id(), disruption.notRebooked(failed.why().code() + ": "
                        + failed.why().message()), now).thenReturn(trip);
            }
            return disruption.alternative(((RebookingOutcome.Rebooked) outcome).alternativeId())
                    .map(alternative -> apply(trip, disruption, alternative, now))
                    .orElseGet(() -> Mono.just(trip));
        }).defaultIfEmpty(trip);
    }
}
