package travel.amur.common.contract.flight;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Command: hold seats on a flight for a booking. {@code holdId} is chosen by the sender, so a repeated command
 * finds the hold it already made.
 *
 * @param cabin ECONOMY or BUSINESS; null for economy
 * @param currency RUB or CNY; null for the currency of the departure country
 */
@EventType("travel.amur.flight.HoldSeats.v1")
public record HoldSeats(UUID holdId, UUID bookingId, String agencyId, UUID flightId, String cabin, int passengers,
        List<String> passengerNames, String currency) {

    public HoldSeats {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(agencyId, "agencyId");
        passengerNames = passengerNames == null ? List.of() : List.copyOf(passengerNames);
        if (passengers < 1 || passengers > 50) {
            throw new IllegalArgumentException("passengers must be 1 to 50, not " + passengers);
        }
    }
}
