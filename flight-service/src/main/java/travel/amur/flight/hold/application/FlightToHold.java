package travel.amur.flight.hold.application;

import java.time.Instant;
import java.util.UUID;
import travel.amur.flight.schedule.model.Fare;

/** What placing a hold needs to know of a flight's cabin. */
public record FlightToHold(UUID flightId, String flightNumber, Instant departsAt, String originCountry, Fare fare,
        boolean cancelled) {
}
