package travel.amur.itinerary.planning.model;

/** Where an itinerary stands: drafted, being booked, booked, refused, or cancelled after booking. */
public enum ItineraryStatus {
    DRAFT, PENDING, CONFIRMED, REJECTED, CANCELLED;

    /** Whether the booking has its outcome: nothing changes any more unless the agency acts. */
    public boolean settled() {
        return this == CONFIRMED || this == REJECTED || this == CANCELLED;
    }
}
