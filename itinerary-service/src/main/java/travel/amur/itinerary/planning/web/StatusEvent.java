package travel.amur.itinerary.planning.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.Rejection;

/** What a watching app receives at every status change. */
record StatusEvent(UUID itineraryId, String status, int version, List<Rejection> rejections, Instant at) {

    static StatusEvent of(Itinerary itinerary) {
        return new StatusEvent(itinerary.id(), itinerary.status().name(), itinerary.version(),
                itinerary.rejections(), itinerary.updatedAt());
    }
}
