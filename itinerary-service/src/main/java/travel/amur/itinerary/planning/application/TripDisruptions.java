package travel.amur.itinerary.planning.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.TripDisruption;

/** The disruptions recorded on trips. */
public interface TripDisruptions {

    /**
     * Records a disruption of {@code flightId} on every trip that flies it and has not ended (DRAFT, PENDING or
     * CONFIRMED), of any agency, once per trip and cause; answers the trips newly disrupted.
     */
    Mono<List<UUID>> recordForFlight(UUID flightId, UUID causeId, String type, String detail, Instant at);

    /** The disruptions of each of these trips, oldest first. */
    Mono<Map<UUID, List<TripDisruption>>> of(Collection<UUID> itineraryIds);
}
