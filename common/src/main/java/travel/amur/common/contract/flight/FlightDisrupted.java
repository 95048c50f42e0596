package travel.amur.common.contract.flight;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Operations cancelled or retimed a flight. Trips on it are disrupted: a cancelled flight sells no more seats (its
 * holds stand until someone re-books them); a retimed one keeps its holds, at {@code departure} and {@code arrival}.
 *
 * @param type CANCELLED, RETIMED or REINSTATED (a cancellation revoked: the flight is on sale again)
 * @param departure the new departure of a retimed flight, null for a cancelled one
 */
@EventType("travel.amur.flight.FlightDisrupted.v1")
public record FlightDisrupted(UUID disruptionId, UUID flightId, String flightNumber, String type, String reason,
        Instant previousDeparture, Instant previousArrival, Instant departure, Instant arrival, Instant at) {

    public FlightDisrupted {
        Objects.requireNonNull(disruptionId, "disruptionId");
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(type, "type");
    }
}
