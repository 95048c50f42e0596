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
 * @param access how a visitor gets there from Harbin
 * @param airport where a flight must go, for a place reached by air
 * @param concession who pays the concession price, where there is one
 * @param closures the closures operations declared that have not been lifted
 */
public record Attraction(String id, Kind kind, String city, double latitude, double longitude, boolean allYear,
        LocalTime opensAt, LocalTime closesAt, BigDecimal priceAdultCny, BigDecimal priceConcessionCny,
        int minutesNeeded, boolean outdoor, LocalizedText names, LocalizedText descriptions, List<Season> seasons,
        String source, String note, Access access, String airport, Concession concession, List<Closure> closures) {

    /** Attraction, event, or resort. */
    public enum Kind { ATTRACTION, EVENT, RESORT }

    /** In Harbin itself, a drive from it, or a flight away. */
    public enum Access { CITY, ROAD, FLIGHT }

    /**
     * Who pays the concession price.
     *
     * @param maxAge the oldest age (on the day of the visit) that pays it; null when nobody is known to
     * @param placeholder the terms are a guess no source gives
     */
    public record Concession(Integer maxAge, boolean placeholder, String note) {

        public static Concession none() {
            return new Concession(null, false, null);
        }
    }

    public Attraction {
        seasons = List.copyOf(seasons);
        access = access == null ? Access.CITY : access;
        concession = concession == null ? Concession.none() : concession;
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    /** The same attraction with these closures. */
    public Attraction withClosures(List<Closure> current) {
        return new Attraction(id, kind, city, latitude, longitude, allYear, opensAt, closesAt, priceAdultCny,
                priceConcessionCny, minutesNeeded, outdoor, names, descriptions, seasons, source, note, access, airport,
                concession, current);
    }

    /** The closure that covers the date, if any. */
    public Optional<Closure> closureOn(LocalDate date) {
        return closures.stream().filter(closure -> closure.covers(date)).findFirst();
    }

    public boolean openOn(LocalDate date) {
        return allYear || seasons.stream().anyMatch(season -> season.covers(date));
    }

    /** The season that covers the date, if any. */
    public Optional<Season> seasonOn(LocalDate date) {
        return seasons.stream().filter(season -> season.covers(date)).findFirst();
    }
}
