package travel.amur.flight.hold.model;

import java.time.Instant;

/** A hold nobody confirmed in time; its seats went back. Final. */
public record ExpiredHold(HoldDetails details, Instant expiredAt) implements SeatHold {

    @Override
    public HoldStatus status() {
        return HoldStatus.EXPIRED;
    }
}
