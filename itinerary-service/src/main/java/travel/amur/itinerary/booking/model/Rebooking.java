package travel.amur.itinerary.booking.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed booking moving one flight's seats to an alternative the agency accepted: the new flight's seats are
 * held, then confirmed, and only then are the old ones given back, so the trip never stands without seats.
 *
 * @param hold the new hold, as a step of the flight it replaces (REQUESTED, then CONFIRMING)
 * @param deadline when the re-booking gives up on a participant that does not answer (the old seats stay)
 */
public record Rebooking(UUID disruptionId, UUID alternativeId, UUID flightId, Step hold, Instant deadline) {

    Rebooking with(Step next) {
        return new Rebooking(disruptionId, alternativeId, flightId, next, deadline);
    }
}
