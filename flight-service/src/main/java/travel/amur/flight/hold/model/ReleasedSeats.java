package travel.amur.flight.hold.model;

import java.time.Instant;

/** Seats given back by the agency or the booking saga; final. */
public record ReleasedSeats(HoldDetails details, Instant releasedAt, String reason) implements SeatHold {

    @Override
    public HoldStatus status() {
        return HoldStatus.RELEASED;
    }
}
