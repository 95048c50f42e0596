package travel.amur.itinerary.planning.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agency's itinerary: the draft, its plan, where it stands and, if refused, why (stored here only). Its
 * transitions are its methods: drafted and redrafted, then pending, confirmed, rejected or cancelled as its booking
 * goes, and replanned when a disruption's alternative is taken.
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

    /** Being booked: PENDING, waiting for what has not answered though asked again (nothing, at first). */
    public Itinerary pending(List<String> waiting, Instant now) {
        return to(ItineraryStatus.PENDING, rejections, waiting, now);
    }

    /** Booked: its seats sold. */
    public Itinerary confirmed(Instant now) {
        return to(ItineraryStatus.CONFIRMED, List.of(), List.of(), now);
    }

    /** Refused, and why; what was held has been released. */
    public Itinerary rejected(List<Rejection> why, Instant now) {
        return to(ItineraryStatus.REJECTED, why.isEmpty() ? rejections : why, List.of(), now);
    }

    /** Cancelled by the agency once booked; its seats go back. */
    public Itinerary cancelled(Instant now) {
        return to(ItineraryStatus.CANCELLED, rejections, List.of(), now);
    }

    /**
     * The next version when anything a watcher sees changed (status, refusals, what it waits for), this itinerary
     * itself when nothing did.
     */
    private Itinerary to(ItineraryStatus next, List<Rejection> refused, List<String> waiting, Instant now) {
        if (next == status && waiting.equals(waitingFor) && refused.equals(rejections)) {
            return this;
        }
        return new Itinerary(id, agencyId, next, version + 1, draft, plan, refused, waiting, createdAt, now);
    }
}
