package travel.amur.itinerary.planning.model;

import java.time.LocalDate;

/** An attraction on a date. */
public record PlannedActivity(String attractionId, LocalDate date) {
}
