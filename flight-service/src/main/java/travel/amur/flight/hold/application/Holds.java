package travel.amur.flight.hold.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.flight.hold.model.HeldSeats;
import travel.amur.flight.hold.model.HoldStatus;
import travel.amur.flight.hold.model.SeatHold;

/** Stored holds. Methods named {@code lock...} lock the hold until the surrounding transaction ends. */
public interface Holds {

    Mono<SeatHold> lock(UUID holdId);

    Mono<SeatHold> lockOwnedBy(UUID holdId, String agencyId);

    Mono<SeatHold> findOwnedBy(UUID holdId, String agencyId);

    /** An agency's holds, newest first; {@code status} may be null for all. */
    Flux<SeatHold> listOwnedBy(String agencyId, HoldStatus status, int page, int size);

    /** How many holds {@link #listOwnedBy} pages through. */
    Mono<Long> countOwnedBy(String agencyId, HoldStatus status);

    Mono<Void> add(SeatHold hold);

    /** Takes back a hold added in the same transaction, whose seats could not be taken. */
    Mono<Void> remove(UUID holdId);

    Mono<Void> save(SeatHold hold);

    /** Held seats past their time, skipping any another instance is already expiring. */
    Flux<HeldSeats> lockDueToExpire(Instant now, int limit);

    Mono<Boolean> tombstoned(UUID holdId);

    Mono<Void> tombstone(UUID holdId, UUID bookingId, Instant at);
}
