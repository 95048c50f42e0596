package travel.amur.itinerary.catalog.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Something to see or do: where, when it is open, what it costs in yuan, how long it takes, whether it is outdoors.
 *
 * @param opensAt null when the source gives no hours
 * @param priceAdultCny null when the source gives no price; zero when it is free
 */
public record Attraction(String id, Kind kind, String city, double latitude, double longitude, boolean allYear,
        LocalTime opensAt, LocalTime closesAt, BigDecimal priceAdultCny, BigDecimal priceConcessionCny,
        int minutesNeeded, boolean outdoor, LocalizedText names, LocalizedText descriptions, List<Season> seasons,
        String source, String note) {

    /** Attraction, event, or resort. */
    public enum Kind { ATTRACTION, EVENT, RESORT }

    public Attraction {
        seasons = List.copyOf(seasons);
    }

    public boolean openOn(LocalDate date) {
        return allYear || seasons.stream().anyMatch(season -> season.covers(date));
    }

    /** The season that covers the date, if any. */
    public Optional<Season> seasonOn(LocalDate date) {
        return seasons.stream().filter(season -> season.covers(date)).findFirst();
    }
}
