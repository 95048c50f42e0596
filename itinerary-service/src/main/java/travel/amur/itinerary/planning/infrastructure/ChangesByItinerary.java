package travel.amur.itinerary.planning.infrastructure;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import travel.amur.itinerary.planning.application.Itineraries;

/**
 * Hands each changed itinerary's id to those who follow that itinerary only, and {@link Itineraries#ANY} to
 * everyone: a change costs the same however many event streams are open on other trips (before, every stream
 * looked at every change, so a busy instance spent its time filtering other trips' changes).
 */
final class ChangesByItinerary {

    private final Flux<UUID> changes;
    private final ConcurrentMap<UUID, Set<FluxSink<UUID>>> followers = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean();

    /** {@code changes} never completes: one subscription, taken when the first follower comes, serves all. */
    ChangesByItinerary(Flux<UUID> changes) {
        this.changes = changes;
    }

    Flux<UUID> of(UUID id) {
        return Flux.create(sink -> {
            followers.compute(id, (key, sinks) -> {
                Set<FluxSink<UUID>> them = sinks != null ? sinks : ConcurrentHashMap.newKeySet();
                them.add(sink);
                return them;
            });
            sink.onDispose(() -> followers.computeIfPresent(id, (key, sinks) -> {
                sinks.remove(sink);
                return sinks.isEmpty() ? null : sinks;
            }));
            if (listening.compareAndSet(false, true)) {
                changes.subscribe(this::hand);
            }
        });
    }

    /** How many itineraries someone follows now. */
    int followed() {
        return followers.size();
    }

    private void hand(UUID changed) {
        if (Itineraries.ANY.equals(changed)) {
            followers.values().forEach(sinks -> sinks.forEach(sink -> sink.next(changed)));
            return;
        }
        Set<FluxSink<UUID>> sinks = followers.get(changed);
        if (sinks != null) {
            sinks.forEach(sink -> sink.next(changed));
        }
    }
}
