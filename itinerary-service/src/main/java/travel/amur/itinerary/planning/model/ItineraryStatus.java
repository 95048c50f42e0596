package travel.amur.itinerary.planning.model;

/** Where an itinerary stands: drafted, being booked, booked, refused, or cancelled after booking. */
public enum ItineraryStatus {
    DRAFT, PENDING, CONFIRMED, REJECTED, CANCELLED;

    /** Whether nothing can befall the trip any more: refused, or cancelled. */
    public boolean finished() {
        return this == REJECTED || this == CANCELLED;
    }

    /** Whether the booking has its outcome: nothing changes any more unless the agency acts. */
    public boolean settled() {
        return this == CONFIRMED || this == REJECTED || this == CANCELLED;
    }
}
