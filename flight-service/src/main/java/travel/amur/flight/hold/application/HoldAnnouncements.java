package travel.amur.flight.hold.application;

import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.HoldExpired;
import travel.amur.common.contract.flight.SeatHoldRejected;
import travel.amur.common.contract.flight.SeatsConfirmed;
import travel.amur.common.contract.flight.SeatsHeld;
import travel.amur.common.contract.flight.SeatsReleased;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.flight.hold.model.ConfirmedSeats;
import travel.amur.flight.hold.model.ExpiredHold;
import travel.amur.flight.hold.model.HeldSeats;
import travel.amur.flight.hold.model.HoldDetails;
import travel.amur.flight.hold.model.RejectedHold;
import travel.amur.flight.hold.model.ReleasedSeats;
import travel.amur.flight.hold.model.SeatHold;

/**
 * Tells the rest of Amur what state a hold is in, through the outbox, keyed by hold id so one hold's events stay in
 * order. Called in the transaction of the change.
 */
@Component
public class HoldAnnouncements {

    private final Outbox outbox;

    HoldAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    public Mono<Void> announce(SeatHold hold, Causation causation) {
        return outbox.publish(Topics.FLIGHT_EVENTS, event(hold), hold.details().id(), causation).then();
    }

    /** A release of a hold that was never made: nothing moved. */
    public Mono<Void> announceNothingHeld(UUID holdId, UUID bookingId, Causation causation) {
        return outbox.publish(Topics.FLIGHT_EVENTS, new SeatsReleased(holdId, bookingId, null, 0, "never held"),
                holdId, causation).then();
    }

    /** A command about a hold that does not exist. */
    public Mono<Void> announceUnknown(UUID holdId, UUID bookingId, Causation causation) {
        return outbox.publish(Topics.FLIGHT_EVENTS, new SeatHoldRejected(holdId, bookingId, null,
                SeatHoldRejected.Reason.NOT_FOUND, "no hold " + holdId), holdId, causation).then();
    }

    private static Object event(SeatHold hold) {
        HoldDetails d = hold.details();
        if (hold instanceof HeldSeats) {
            return new SeatsHeld(d.id(), d.bookingId(), d.flightId(), d.seats(), d.expiresAt(),
                    new travel.amur.common.contract.flight.Money(d.total().amount(), d.total().currency().name()));
        }
        if (hold instanceof ConfirmedSeats) {
            return new SeatsConfirmed(d.id(), d.bookingId(), d.flightId(), d.seats());
        }
        if (hold instanceof ReleasedSeats released) {
            return new SeatsReleased(d.id(), d.bookingId(), d.flightId(), d.seats(), released.reason());
        }
        if (hold instanceof ExpiredHold) {
            return new HoldExpired(d.id(), d.bookingId(), d.flightId(), d.seats());
        }
        RejectedHold rejected = (RejectedHold) hold;
        return new SeatHoldRejected(d.id(), d.bookingId(), d.flightId(),
                SeatHoldRejected.Reason.valueOf(rejected.refusal().name()), rejected.explanation());
    }
}
