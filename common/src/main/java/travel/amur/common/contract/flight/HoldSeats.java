package travel.amur.common.contract.flight;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Command: hold seats on a flight for a booking. {@code holdId} is chosen by the sender, so a redelivered command
 * finds the hold it already made.
 */
@EventType("travel.amur.flight.HoldSeats.v1")
public record HoldSeats(UUID holdId, UUID bookingId, String agencyId, UUID flightId, int passengers,
        List<String> passengerNames) {

    public HoldSeats {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(agencyId, "agencyId");
        passengerNames = passengerNames == null ? List.of() : List.copyOf(passengerNames);
    }
}
