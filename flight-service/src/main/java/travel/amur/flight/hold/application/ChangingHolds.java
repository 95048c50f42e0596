package travel.amur.flight.hold.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.ConfirmSeats;
import travel.amur.common.contract.flight.ReleaseSeats;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventEnvelope;
import travel.amur.flight.hold.model.ConfirmedSeats;
import travel.amur.flight.hold.model.HeldSeats;
import travel.amur.flight.hold.model.SeatHold;
import travel.amur.flight.hold.model.Transition;

/**
 * Confirms and releases holds, and expires those past their time. Each change locks the hold, moves its seats and
 * announces its new state in one transaction; asking for a state the hold is already in changes nothing.
 */
@Service
public class ChangingHolds {

    private final Holds holds;
    private final SeatStock stock;
    private final HoldAnnouncements announcements;
    private final TransactionalOperator tx;
    private final Clock clock;

    ChangingHolds(Holds holds, SeatStock stock, HoldAnnouncements announcements, TransactionalOperator tx,
            Clock clock) {
        this.holds = holds;
        this.stock = stock;
        this.announcements = announcements;
        this.tx = tx;
        this.clock = clock;
    }

    /** Confirms an agency's hold; emits the state it ends in (EXPIRED if its time ran out), or empty if unknown. */
    public Mono<SeatHold> confirm(UUID holdId, String agencyId) {
        return tx.transactional(holds.lockOwnedBy(holdId, agencyId)
                .flatMap(hold -> change(hold, this::confirmation, start(holdId))));
    }

    /** Releases an agency's hold, held or sold; emits the state it ends in, or empty if unknown. */
    public Mono<SeatHold> release(UUID holdId, String agencyId) {
        return tx.transactional(holds.lockOwnedBy(holdId, agencyId)
                .flatMap(hold -> change(hold, h -> release(h, "released by the agency"), start(holdId))));
    }

    /** The saga's confirmation; a hold that cannot be confirmed is announced as it is. */
    public Mono<Void> confirmForBooking(ConfirmSeats command, EventEnvelope cause) {
        Causation causation = Causation.of(cause);
        return tx.transactional(holds.lock(command.holdId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> found
                        .map(hold -> changeOrAnnounce(hold, this::confirmation, causation))
                        .orElseGet(() -> announcements.announceUnknown(command.holdId(), command.bookingId(),
                                causation))));
    }

    /**
     * The saga's compensation or cancellation. A release that overtakes its hold request leaves a tombstone, so that
     * hold is never made.
     */
    public Mono<Void> releaseForBooking(ReleaseSeats command, EventEnvelope cause) {
        Causation causation = Causation.of(cause);
        String reason = command.reason() == null ? "released by the booking" : command.reason();
        return tx.transactional(holds.lock(command.holdId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> found
                        .map(hold -> changeOrAnnounce(hold, h -> release(h, reason), causation))
                        .orElseGet(() -> holds.tombstone(command.holdId(), command.bookingId(), clock.instant())
                                .then(announcements.announceNothingHeld(command.holdId(), command.bookingId(),
                                        causation)))));
    }

    /** Expires up to {@code limit} holds past their time; emits how many. */
    public Mono<Integer> expireDue(int limit) {
        Instant now = clock.instant();
        // Read the locked holds to the end before changing them: on the transaction's one connection, a statement
        // sent while rows still stream in would wait for the stream, which waits for it.
        return tx.transactional(holds.lockDueToExpire(now, limit).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(held -> apply(held.expire(now), start(held.details().id())))
                .count()
                .map(Long::intValue));
    }

    private Transition confirmation(SeatHold hold) {
        return hold instanceof HeldSeats held ? held.confirm(clock.instant()) : null;
    }

    private Transition release(SeatHold hold, String reason) {
        if (hold instanceof HeldSeats held) {
            return held.release(clock.instant(), reason);
        }
        if (hold instanceof ConfirmedSeats confirmed) {
            return confirmed.release(clock.instant(), reason);
        }
        return null;
    }

    private Mono<SeatHold> change(SeatHold hold, Function<SeatHold, Transition> transition, Causation causation) {
        Transition next = transition.apply(hold);
        return next == null ? Mono.just(hold) : apply(next, causation);
    }

    private Mono<Void> changeOrAnnounce(SeatHold hold, Function<SeatHold, Transition> transition,
            Causation causation) {
        Transition next = transition.apply(hold);
        return next == null ? announcements.announce(hold, causation) : apply(next, causation).then();
    }

    private Mono<SeatHold> apply(Transition transition, Causation causation) {
        SeatHold next = transition.to();
        var details = next.details();
        return holds.save(next)
                .then(stock.move(details.flightId(), details.cabin(), transition.seats()))
                .then(announcements.announce(next, causation))
                .thenReturn(next);
    }

    private static Causation start(UUID holdId) {
        return Causation.startOf(holdId.toString());
    }
}
