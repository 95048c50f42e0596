package travel.amur.common.contract.flight;

import java.util.UUID;
import travel.amur.common.event.EventType;

/** A hold was not confirmed in time; its seats went back to the inventory. */
@EventType("travel.amur.flight.HoldExpired.v1")
public record HoldExpired(UUID holdId, UUID bookingId, UUID flightId, int seats) {
}
