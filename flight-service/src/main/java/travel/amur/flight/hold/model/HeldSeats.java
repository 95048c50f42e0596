package travel.amur.flight.hold.model;

import java.time.Instant;

/** Seats set aside until {@code expiresAt}: they can be confirmed, released, or expire. */
public record HeldSeats(HoldDetails details) implements SeatHold {

    @Override
    public HoldStatus status() {
        return HoldStatus.HELD;
    }

    public boolean expiredAt(Instant now) {
        return !details.expiresAt().isAfter(now);
    }

    /** Sells the seats, unless the hold has run out: then it expires instead. */
    public Transition confirm(Instant now) {
        if (expiredAt(now)) {
            return expire(now);
        }
        return new Transition(new ConfirmedSeats(details, now), SeatMovement.sellHeld(details.seats()));
    }

    public Transition release(Instant now, String reason) {
        return new Transition(new ReleasedSeats(details, now, reason), SeatMovement.releaseHeld(details.seats()));
    }

    public Transition expire(Instant now) {
        return new Transition(new ExpiredHold(details, now), SeatMovement.releaseHeld(details.seats()));
    }
}
