package travel.amur.flight.hold.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.HoldSeats;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventEnvelope;
import travel.amur.flight.hold.model.HeldSeats;
import travel.amur.flight.hold.model.HoldDetails;
import travel.amur.flight.hold.model.Money;
import travel.amur.flight.hold.model.Passengers;
import travel.amur.flight.hold.model.Refusal;
import travel.amur.flight.hold.model.RejectedHold;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;

/**
 * Places holds: for an agency over HTTP, or for the booking saga. Seats are taken by one conditional update, so
 * concurrent holds on a flight with S free seats succeed exactly as long as seats remain, in any number of instances.
 */
@Service
public class PlacingHolds {

    private final SeatStock stock;
    private final Holds holds;
    private final HoldAnnouncements announcements;
    private final TransactionalOperator tx;
    private final HoldPolicy policy;
    private final Clock clock;

    PlacingHolds(SeatStock stock, Holds holds, HoldAnnouncements announcements, TransactionalOperator tx,
            HoldPolicy policy, Clock clock) {
        this.stock = stock;
        this.holds = holds;
        this.announcements = announcements;
        this.tx = tx;
        this.policy = policy;
        this.clock = clock;
    }

    /** A request for seats. {@code currency} null: the currency of the departure country. */
    public record PlaceHold(UUID holdId, String agencyId, UUID bookingId, UUID flightId, Cabin cabin,
            Passengers passengers, Currency currency) {
    }

    /** What became of a request: seats held, or why not. */
    public sealed interface Placement permits Placed, Refused {
    }

    public record Placed(HeldSeats hold) implements Placement {
    }

    public record Refused(Refusal refusal, String explanation) implements Placement {
    }

    /** Places a hold for an agency; a refusal changes nothing. */
    public Mono<Placement> place(PlaceHold request) {
        return tx.transactional(tryToHold(request, Causation.startOf(request.holdId().toString())));
    }

    /**
     * Carries out the saga's command. A repeated command finds the hold it made (or refused) and announces it again;
     * a hold already released by the saga is never made.
     */
    public Mono<Void> placeForBooking(HoldSeats command, EventEnvelope cause) {
        Causation causation = Causation.of(cause);
        PlaceHold request = new PlaceHold(command.holdId(), command.agencyId(), command.bookingId(),
                command.flightId(), command.cabin() == null ? Cabin.ECONOMY : Cabin.valueOf(command.cabin()),
                new Passengers(command.passengers(), command.passengerNames()),
                command.currency() == null ? null : Currency.valueOf(command.currency()));
        return tx.transactional(holds.lock(command.holdId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing
                        .map(hold -> announcements.announce(hold, causation))
                        .orElseGet(() -> placeNew(request, causation))));
    }

    private Mono<Void> placeNew(PlaceHold request, Causation causation) {
        return holds.tombstoned(request.holdId()).flatMap(released -> released
                ? reject(request, new Refused(Refusal.RELEASED, "the booking released this hold already"), causation)
                : tryToHold(request, causation).flatMap(placement -> placement instanceof Refused refused
                        ? reject(request, refused, causation)
                        : Mono.empty()));
    }

    private Mono<Placement> tryToHold(PlaceHold request, Causation causation) {
        Instant now = clock.instant();
        return stock.flight(request.flightId(), request.cabin())
                .flatMap(flight -> {
                    if (flight.cancelled()) {
                        return Mono.<Placement>just(new Refused(Refusal.CANCELLED,
                                flight.flightNumber() + " of " + flight.departsAt() + " was cancelled"));
                    }
                    if (!flight.departsAt().isAfter(now)) {
                        return Mono.<Placement>just(new Refused(Refusal.DEPARTED,
                                flight.flightNumber() + " departed at " + flight.departsAt()));
                    }
                    HeldSeats held = held(request, flight, now);
                    int seats = request.passengers().count();
                    // The flight's inventory row is what concurrent holds queue for: it is locked last, so that it
                    // stays locked only until the announcement is written and the transaction commits.
                    return holds.add(held)
                            .then(stock.take(request.flightId(), request.cabin(), seats))
                            .flatMap(taken -> taken
                                    ? announcements.announce(held, causation).thenReturn((Placement) new Placed(held))
                                    : holds.remove(request.holdId()).then(soldOut(request, flight, seats)));
                })
                .defaultIfEmpty(new Refused(Refusal.NOT_FOUND,
                        "no " + request.cabin() + " cabin on flight " + request.flightId()));
    }

    private Mono<Placement> soldOut(PlaceHold request, FlightToHold flight, int seats) {
        return stock.available(request.flightId(), request.cabin()).map(left -> new Refused(Refusal.SOLD_OUT,
                "only " + left + " " + request.cabin() + " seats left on " + flight.flightNumber() + ", " + seats
                        + " asked for"));
    }

    private HeldSeats held(PlaceHold request, FlightToHold flight, Instant now) {
        Currency currency = request.currency() != null ? request.currency()
                : Currency.soldIn(flight.originCountry());
        var total = flight.fare().in(currency).multiply(java.math.BigDecimal.valueOf(request.passengers().count()));
        Instant expiresAt = now.plus(policy.timeToLive());
        if (expiresAt.isAfter(flight.departsAt())) {
            expiresAt = flight.departsAt();
        }
        return new HeldSeats(new HoldDetails(request.holdId(), request.agencyId(), request.bookingId(),
                request.flightId(), flight.flightNumber(), request.cabin(), request.passengers(),
                new Money(total, currency), now, expiresAt));
    }

    private Mono<Void> reject(PlaceHold request, Refused refused, Causation causation) {
        Instant now = clock.instant();
        RejectedHold rejected = new RejectedHold(new HoldDetails(request.holdId(), request.agencyId(),
                request.bookingId(), request.flightId(), null, request.cabin(), request.passengers(),
                new Money(java.math.BigDecimal.ZERO, request.currency() == null ? Currency.RUB : request.currency()),
                now, now), refused.refusal(), refused.explanation());
        return holds.add(rejected).then(announcements.announce(rejected, causation));
    }
}
