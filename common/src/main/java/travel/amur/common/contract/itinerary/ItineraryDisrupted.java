package travel.amur.common.contract.itinerary;

import java.time.Instant;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Something befell a trip after it was planned (its flight cancelled or retimed, an attraction closed, an entry
 * policy changed); for the agency's webhooks and notifications. Its alternatives follow on the itinerary.
 *
 * @param type FLIGHT_CANCELLED, FLIGHT_RETIMED, ATTRACTION_CLOSED or ENTRY_POLICY_CHANGED
 * @param subject the flight, attraction or policy id
 */
@EventType("travel.amur.itinerary.ItineraryDisrupted.v1")
public record ItineraryDisrupted(UUID itineraryId, String agencyId, UUID disruptionId, String type, String subject,
        String detail, Instant detectedAt) {
}
