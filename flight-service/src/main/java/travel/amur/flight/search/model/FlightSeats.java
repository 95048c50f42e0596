package travel.amur.flight.search.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Fare;

/** A dated flight with the free seats and fare of one cabin, as stored, and what its schedule rests on. */
public record FlightSeats(UUID flightId, String flightNumber, String carrier, String origin, String destination,
        Instant departsAt, Instant arrivesAt, String aircraft, Cabin cabin, int capacity, int seatsAvailable,
        Fare fare, ScheduleFacts schedule, boolean cancelled) {

    public Duration duration() {
        return Duration.between(departsAt, arrivesAt);
    }

    public boolean departedAt(Instant now) {
        return !departsAt.isAfter(now);
    }
}
