package travel.amur.common.contract.flight;

import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Command: give the seats of a hold (held or sold) back. Sent as compensation; it may arrive before the
 * {@link HoldSeats} it undoes, and then that hold is never made.
 */
@EventType("travel.amur.flight.ReleaseSeats.v1")
public record ReleaseSeats(UUID holdId, UUID bookingId, String reason) {

    public ReleaseSeats {
        Objects.requireNonNull(holdId, "holdId");
    }
}
