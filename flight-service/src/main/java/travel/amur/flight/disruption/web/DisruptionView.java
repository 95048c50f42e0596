package travel.amur.flight.disruption.web;

import java.time.Instant;
import java.util.UUID;
import travel.amur.flight.disruption.model.FlightDisruption;

/** A disruption as recorded: the flight's times before, and after for a retimed one. */
record DisruptionView(UUID id, UUID flightId, String flightNumber, String type, String reason,
        Instant previousDeparture, Instant previousArrival, Instant departure, Instant arrival, Instant at) {

    static DisruptionView of(FlightDisruption d) {
        return new DisruptionView(d.id(), d.flightId(), d.flightNumber(), d.type().name(), d.reason(),
                d.previousDeparture(), d.previousArrival(), d.departure(), d.arrival(), d.at());
    }
}
