package travel.amur.common.contract.itinerary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Operations closed an attraction from {@code from} to {@code to} (open-ended when null); the trips that visit it on
 * a closed day are disrupted.
 */
@EventType("travel.amur.itinerary.AttractionClosed.v1")
public record AttractionClosed(UUID closureId, String attractionId, LocalDate from, LocalDate to, String reason,
        Instant at) {
}
