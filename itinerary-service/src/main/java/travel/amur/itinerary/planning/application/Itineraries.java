package travel.amur.itinerary.planning.application;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;

/** Stored itineraries. {@code ...Owned...} methods see only the given agency's; {@code lock...} lock until commit. */
public interface Itineraries {

    /** What {@link #statusChanges(UUID)} emits when notifications may have been missed: any itinerary may have changed. */
    UUID ANY = new UUID(0, 0);

    Mono<Void> add(Itinerary itinerary);

    /** Saves a changed itinerary; when its status changed, everyone watching it is told after commit. */
    Mono<Void> update(Itinerary itinerary, boolean statusChanged);

    /**
     * Saves where an itinerary's booking stands (status, version, refusals, what it waits for) when its draft and plan
     * did not change, without writing them again; everyone watching is told after commit.
     */
    Mono<Void> updateBooking(Itinerary itinerary);

    /** Deletes an itinerary and its disruptions; everyone watching it is told after commit. */
    Mono<Void> remove(UUID id);

    Mono<Itinerary> findOwned(UUID id, String agencyId);

    Mono<Itinerary> lockOwned(UUID id, String agencyId);

    Mono<Itinerary> lock(UUID id);

    /** An agency's itineraries, newest first; {@code status} null for all. */
    Flux<Itinerary> listOwned(String agencyId, ItineraryStatus status, int page, int size);

    /** How many itineraries {@link #listOwned} pages through. */
    Mono<Long> countOwned(String agencyId, ItineraryStatus status);

    /**
     * The itinerary's id each time its status changes, in any instance; {@link #ANY} when listening starts and after
     * a reconnect (it may have changed unheard).
     */
    Flux<UUID> statusChanges(UUID id);
}
