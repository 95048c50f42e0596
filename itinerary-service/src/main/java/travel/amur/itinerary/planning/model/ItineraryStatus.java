package travel.amur.itinerary.planning.model;

/** Where an itinerary stands: drafted, being booked, booked, refused, or cancelled after booking. */
public enum ItineraryStatus {
    DRAFT, PENDING, CONFIRMED, REJECTED, CANCELLED
}
