package travel.amur.flight.hold.model;

import java.time.Instant;

/** Sold seats. Releasing them (a cancellation) gives them back to the flight. */
public record ConfirmedSeats(HoldDetails details, Instant confirmedAt) implements SeatHold {

    @Override
    public HoldStatus status() {
        return HoldStatus.CONFIRMED;
    }

    public Transition release(Instant now, String reason) {
        return new Transition(new ReleasedSeats(details, now, reason), SeatMovement.returnSold(details.seats()));
    }
}
