package travel.amur.itinerary.planning.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agency's itinerary: the draft, its plan, where it stands and, if refused, why.
 *
 * @param waitingFor while PENDING, the booking steps whose participant has not answered though asked again
 *         (VISAS, OUTBOUND_SEATS, RETURN_SEATS); empty otherwise
 */
public record Itinerary(UUID id, String agencyId, ItineraryStatus status, int version, Draft draft, Plan plan,
        List<Rejection> rejections, List<String> waitingFor, Instant createdAt, Instant updatedAt) {

    public Itinerary {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
    }

    /** A new draft, version 1. */
    public static Itinerary drafted(UUID id, String agencyId, Draft draft, Plan plan, Instant now) {
        return new Itinerary(id, agencyId, ItineraryStatus.DRAFT, 1, draft, plan, List.of(), List.of(), now, now);
    }

    /** The draft replaced by a new one: the next version. */
    public Itinerary redrafted(Draft newDraft, Plan newPlan, Instant now) {
        return new Itinerary(id, agencyId, ItineraryStatus.DRAFT, version + 1, newDraft, newPlan, List.of(), List.of(),
                createdAt, now);
    }

    /**
     * The trip changed by a disruption's alternative: a new draft and plan at the next version, booked or not as
     * before (a booked trip's seats have moved already).
     */
    public Itinerary replanned(Draft newDraft, Plan newPlan, Instant now) {
        return new Itinerary(id, agencyId, status, version + 1, newDraft, newPlan, rejections, waitingFor, createdAt,
                now);
    }

    /**
     * Where its booking now stands: the next version when anything a watcher sees changed (status, refusals, what it
     * waits for), this itinerary itself when nothing did.
     */
    public Itinerary booking(ItineraryStatus newStatus, List<Rejection> newRejections, List<String> newWaitingFor,
            Instant now) {
        List<String> waiting = newWaitingFor == null ? List.of() : newWaitingFor;
        List<Rejection> refused = newRejections == null ? List.of() : newRejections;
        if (newStatus == status && waiting.equals(waitingFor) && refused.equals(rejections)) {
            return this;
        }
        return new Itinerary(id, agencyId, newStatus, version + 1, draft, plan, refused, waiting, createdAt, now);
    }
}
