package travel.amur.itinerary.planning.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that befell a trip after it was planned, and where it stands.
 *
 * @param type FLIGHT_CANCELLED, FLIGHT_RETIMED (ATTRACTION_CLOSED, ENTRY_POLICY_CHANGED to come)
 * @param subject what it is about: the flight, attraction or policy id
 * @param status OPEN until it is re-booked (RESOLVED) or the agency keeps the trip as it is (DISMISSED)
 */
public record TripDisruption(UUID id, String type, String subject, String detail, Instant detectedAt, String status) {
}
