package travel.amur.common.contract.flight;

import java.util.UUID;
import travel.amur.common.event.EventType;

/** Held seats are sold. */
@EventType("travel.amur.flight.SeatsConfirmed.v1")
public record SeatsConfirmed(UUID holdId, UUID bookingId, UUID flightId, int seats) {
}
