package travel.amur.itinerary.planning.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.TripDisruption;

/**
 * Follows one itinerary as it changes: its state now, then every status change as it is committed, in whichever
 * instance made it (PostgreSQL NOTIFY reaches them all).
 */
@Service
public class WatchingItineraries {

    private final Itineraries itineraries;
    private final TripDisruptions disruptions;

    WatchingItineraries(Itineraries itineraries, TripDisruptions disruptions) {
        this.itineraries = itineraries;
        this.disruptions = disruptions;
    }

    /**
     * The trip's disruptions now, then each new one as it is recorded and each again when it changes (its
     * alternatives worked out, one accepted, resolved), each state once.
     */
    public Flux<TripDisruption> disruptions(UUID id) {
        Set<TripDisruption> seen = ConcurrentHashMap.newKeySet();
        Flux<UUID> pokes = itineraries.statusChanges(id);
        // Listening starts before the first read, so no disruption can slip between the two.
        return Flux.merge(pokes, Mono.just(id))
                .concatMap(poke -> disruptions.of(List.of(id)))
                .flatMapIterable(found -> found.getOrDefault(id, List.of()))
                .filter(seen::add);
    }

    /**
     * The itinerary now and at each change, never an older version after a newer one; ends when it is gone (a
     * discarded draft).
     */
    public Flux<Itinerary> watch(UUID id, String agencyId) {
        Flux<Optional<Itinerary>> changes = itineraries.statusChanges(id).concatMap(changed -> current(id, agencyId));
        AtomicInteger newest = new AtomicInteger(-1);
        // Listening starts before the first read, so no change can slip between the two.
        return Flux.merge(changes, Mono.defer(() -> current(id, agencyId)))
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .filter(itinerary -> newest.getAndAccumulate(itinerary.version(), Math::max) < itinerary.version());
    }

    private Mono<Optional<Itinerary>> current(UUID id, String agencyId) {
        return itineraries.findOwned(id, agencyId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
