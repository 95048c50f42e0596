package travel.amur.itinerary.planning.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agency's itinerary: the draft, its plan, where it stands and, if refused, why. */
public record Itinerary(UUID id, String agencyId, ItineraryStatus status, int version, Draft draft, Plan plan,
        List<Rejection> rejections, Instant createdAt, Instant updatedAt) {

    public Itinerary {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }
}
