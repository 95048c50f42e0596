package travel.amur.itinerary.webhook.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where an agency wants to be told of its itineraries' events, and which.
 *
 * @param events event types, of {@link #EVENTS}
 */
public record Webhook(UUID id, String agencyId, String url, List<String> events, Instant createdAt) {

    public static final String STATUS_CHANGED = "itinerary.status_changed";
    public static final String DISRUPTED = "itinerary.disrupted";
    /** The events a webhook may subscribe to. */
    public static final Set<String> EVENTS = Set.of(STATUS_CHANGED, DISRUPTED);

    public Webhook {
        events = List.copyOf(events);
    }
}
