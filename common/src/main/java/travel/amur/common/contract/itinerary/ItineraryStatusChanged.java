package travel.amur.common.contract.itinerary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import travel.amur.common.event.EventType;

/** An itinerary moved to a new status; for notifications and reporting outside the saga. */
@EventType("travel.amur.itinerary.ItineraryStatusChanged.v1")
public record ItineraryStatusChanged(UUID itineraryId, String agencyId, String status, List<String> reasons,
        Instant at) {
}
