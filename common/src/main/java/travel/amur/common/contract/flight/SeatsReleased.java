package travel.amur.common.contract.flight;

import java.util.UUID;
import travel.amur.common.event.EventType;

/** Seats of a hold went back to the flight's inventory ({@code seats} is 0 when nothing was held). */
@EventType("travel.amur.flight.SeatsReleased.v1")
public record SeatsReleased(UUID holdId, UUID bookingId, UUID flightId, int seats, String reason) {
}
