package travel.amur.itinerary.booking.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.booking.model.BookingSaga;

/** Stored bookings and their logs. {@code lock...} methods lock until the surrounding transaction ends. */
public interface SagaStore {

    Mono<Void> add(BookingSaga saga);

    Mono<Void> save(BookingSaga saga);

    Mono<BookingSaga> lock(UUID itineraryId);

    Mono<BookingSaga> find(UUID itineraryId);

    /** Bookings with an overdue step, skipping those another instance is handling. */
    Flux<BookingSaga> lockDue(Instant now, int limit);

    Mono<Void> log(UUID itineraryId, Instant at, List<String> entries);

    Flux<String> logOf(UUID itineraryId);
}
