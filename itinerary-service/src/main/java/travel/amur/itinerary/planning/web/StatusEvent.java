package travel.amur.itinerary.planning.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.Rejection;

/**
 * What a watching app receives at every change it can see: the status, and while PENDING what the booking waits for
 * (the steps whose participant is slow to answer, such as {@code ["VISAS"]}).
 */
record StatusEvent(UUID itineraryId, String status, int version, List<Rejection> rejections, List<String> waitingFor,
        Instant at) {

    static StatusEvent of(Itinerary itinerary) {
        return new StatusEvent(itinerary.id(), itinerary.status().name(), itinerary.version(),
                itinerary.rejections(), itinerary.waitingFor(), itinerary.updatedAt());
    }
}
