package travel.amur.itinerary.planning.application;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.Itinerary;

/**
 * Follows one itinerary as it changes: its state now, then every status change as it is committed, in whichever
 * instance made it (PostgreSQL NOTIFY reaches them all).
 */
@Service
public class WatchingItineraries {

    private final Itineraries itineraries;

    WatchingItineraries(Itineraries itineraries) {
        this.itineraries = itineraries;
    }

    /** The itinerary now and at each change, never an older version after a newer one. */
    public Flux<Itinerary> watch(UUID id, String agencyId) {
        Flux<Itinerary> changes = itineraries.statusChanges()
                .filter(changed -> changed.equals(id) || changed.equals(Itineraries.ANY))
                .concatMap(changed -> itineraries.findOwned(id, agencyId));
        AtomicInteger newest = new AtomicInteger(-1);
        // Listening starts before the first read, so no change can slip between the two.
        return Flux.merge(changes, Mono.defer(() -> itineraries.findOwned(id, agencyId)))
                .filter(itinerary -> newest.getAndAccumulate(itinerary.version(), Math::max) < itinerary.version());
    }
}
