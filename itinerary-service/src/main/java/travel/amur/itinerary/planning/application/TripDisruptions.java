package travel.amur.itinerary.planning.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.Alternative;
import travel.amur.itinerary.planning.model.TripDisruption;

/** The disruptions recorded on trips. */
public interface TripDisruptions {

    /**
     * Records a disruption of {@code flightId} on every trip that flies it and has not ended (DRAFT, PENDING or
     * CONFIRMED), of any agency, once per trip and cause; answers the disruptions newly recorded.
     */
    Mono<List<Recorded>> recordForFlight(UUID flightId, UUID causeId, String type, String detail, Instant at);

    /**
     * Records the closure of an attraction on every trip that has not ended and visits it on a closed day not past
     * yet ({@code today} or later), once per trip and closure; answers the disruptions newly recorded.
     */
    Mono<List<Recorded>> recordForAttraction(String attractionId, UUID closureId, LocalDate from, LocalDate to,
            LocalDate today, String detail, Instant at);

    /**
     * Records a narrowed or retired entry policy on every trip that has not ended, arrives {@code today} or later,
     * goes to one of its destinations with a traveller of one of its nationalities (a group tour on the group regime,
     * any other trip on the others), arrived within its old window and no longer fits the new one (retired, outside
     * the new window, or a stay longer than the new limit); once per trip and change.
     */
    Mono<List<Recorded>> recordForPolicy(PolicyChange change, LocalDate today, String detail, Instant at);

    /** What changed in an entry policy, as {@link #recordForPolicy} reads it. */
    record PolicyChange(UUID changeId, String policyId, boolean retired, boolean groupRegime,
            List<String> nationalities, List<String> destinations, LocalDate previousEntryFrom,
            LocalDate previousEntryTo, LocalDate entryFrom, LocalDate entryTo, int maxStayDays) {
    }

    /** Resolves the open disruptions of this type and subject that are not being re-booked (a flight reinstated). */
    Mono<List<UUID>> resolveOpen(String type, String subject, Instant at);

    /** Resolves the disruptions a cause made that are still open and not being re-booked (a closure lifted). */
    Mono<List<UUID>> resolveCause(UUID causeId, Instant at);

    /** A disruption newly recorded on a trip. */
    record Recorded(UUID itineraryId, String agencyId, UUID disruptionId) {
    }

    /** A disruption and the trip it befell. */
    record OfTrip(UUID itineraryId, String agencyId, TripDisruption disruption) {
    }

    /** Open disruptions whose alternatives have not been worked out yet, oldest first. */
    Flux<OfTrip> awaitingAlternatives(int limit);

    /** Stores the alternatives worked out for an open disruption that awaited them; false if it no longer did. */
    Mono<Boolean> propose(UUID itineraryId, UUID disruptionId, List<Alternative> alternatives, Instant at);

    /** A disruption of the trip, locked until the transaction ends. */
    Mono<TripDisruption> lock(UUID itineraryId, UUID disruptionId);

    /** Saves where a disruption stands; the trip's watchers are told at commit. */
    Mono<Void> save(UUID itineraryId, TripDisruption disruption, Instant at);

    /** The disruptions of each of these trips, oldest first. */
    Mono<Map<UUID, List<TripDisruption>>> of(Collection<UUID> itineraryIds);
}
