package travel.amur.itinerary.catalog.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.catalog.model.Closure;

/** Closures of attractions, in the caller's transaction; the catalog sees a change once it is committed. */
public interface Closures {

    Mono<Void> add(Closure closure, String by, Instant at);

    /** A closure lifted; {@code now} is false when it had been lifted before. */
    record Lifted(Closure closure, boolean now) {
    }

    /** Lifts a closure of the attraction; empty when it has no such closure. */
    Mono<Lifted> lift(String attractionId, UUID closureId, String by, Instant at);
}
