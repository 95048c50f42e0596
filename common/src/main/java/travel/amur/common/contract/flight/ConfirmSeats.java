package travel.amur.common.contract.flight;

import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/** Command: turn a hold into sold seats. */
@EventType("travel.amur.flight.ConfirmSeats.v1")
public record ConfirmSeats(UUID holdId, UUID bookingId) {

    public ConfirmSeats {
        Objects.requireNonNull(holdId, "holdId");
    }
}
