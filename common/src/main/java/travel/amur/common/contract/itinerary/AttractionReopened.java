package travel.amur.common.contract.itinerary;

import java.time.Instant;
import java.util.UUID;
import travel.amur.common.event.EventType;

/** Operations lifted a closure; the disruptions it caused that are still open are resolved. */
@EventType("travel.amur.itinerary.AttractionReopened.v1")
public record AttractionReopened(UUID closureId, String attractionId, Instant at) {
}
