package travel.amur.flight.disruption.model;

import java.time.Instant;
import java.util.UUID;

/** A flight as it stands before a disruption: its times, and whether it was cancelled already. */
public record FlightNow(UUID flightId, String flightNumber, Instant departsAt, Instant arrivesAt, boolean cancelled) {
}
