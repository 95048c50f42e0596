package travel.amur.flight.disruption.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A cancellation or retiming as operations declared it, with the times before and (retimed) after.
 *
 * @param departure the new departure of a retimed flight; null for a cancelled one
 * @param by who declared it (the operator)
 */
public record FlightDisruption(UUID id, UUID flightId, String flightNumber, DisruptionType type, String reason,
        Instant previousDeparture, Instant previousArrival, Instant departure, Instant arrival, Instant at, String by) {
}
