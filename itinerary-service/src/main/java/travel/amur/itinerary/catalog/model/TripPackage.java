package travel.amur.itinerary.catalog.model;

import java.util.List;

/** A ready-made trip: which attractions on which day, day 1 being the day of arrival. */
public record TripPackage(String id, int days, LocalizedText titles, LocalizedText descriptions, List<Item> items,
        String note) {

    /** One attraction on one day of the package. */
    public record Item(int day, int position, String attractionId) {
    }

    public TripPackage {
        items = List.copyOf(items);
    }
}
