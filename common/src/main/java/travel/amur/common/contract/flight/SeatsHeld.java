package travel.amur.common.contract.flight;

import java.time.Instant;
import java.util.UUID;
import travel.amur.common.event.EventType;

/** Seats are held for a booking until {@code expiresAt}. */
@EventType("travel.amur.flight.SeatsHeld.v1")
public record SeatsHeld(UUID holdId, UUID bookingId, UUID flightId, int seats, Instant expiresAt, Money total) {
}
