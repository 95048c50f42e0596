package travel.amur.itinerary.catalog.infrastructure;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.postgres.PgNotifications;
import travel.amur.itinerary.catalog.application.Catalog;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.Closure;
import travel.amur.itinerary.catalog.model.LocalizedText;
import travel.amur.itinerary.catalog.model.Season;
import travel.amur.itinerary.catalog.model.TripPackage;

/** The catalog tables, read once per process and kept. */
@Repository
class R2dbcCatalog implements Catalog {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Mono<Map<String, Attraction>> attractions;
    private final Mono<List<TripPackage>> packages;
    /** The attractions with their current closures, merged once each time the closures are read. */
    private final AtomicReference<Mono<Map<String, Attraction>>> withClosures = new AtomicReference<>();

    R2dbcCatalog(DatabaseClient db, JsonMapper json, PgNotifications notifications) {
        this.db = db;
        this.json = json;
        this.attractions = readAttractions().cache();
        this.packages = readPackages().cache();
        this.withClosures.set(readWithClosures());
        // Every instance reads the closures again when one of them closes or reopens an attraction (and after a
        // reconnect, when a notification may have been missed).
        notifications.listen(R2dbcClosures.CHANNEL).subscribe(changed -> withClosures.set(readWithClosures()));
    }

    /** The attractions with their current closures (kept in memory, read again when they change). */
    @Override
    public Mono<Map<String, Attraction>> attractions() {
        return withClosures.get();
    }

    private Mono<Map<String, Attraction>> readWithClosures() {
        return attractions.zipWith(readClosures())
                .map(found -> found.getT2().isEmpty() ? found.getT1() : withClosures(found.getT1(), found.getT2()))
                // Kept a minute at most (a missed notification heals), a failure not at all.
                .cache(found -> Duration.ofMinutes(1), failure -> Duration.ZERO, () -> Duration.ofMinutes(1));
    }

    private static Map<String, Attraction> withClosures(Map<String, Attraction> all,
            Map<String, List<Closure>> closed) {
        Map<String, Attraction> merged = new LinkedHashMap<>();
        all.forEach((id, attraction) -> merged.put(id, closed.containsKey(id)
                ? attraction.withClosures(closed.get(id)) : attraction));
        return Collections.unmodifiableMap(merged);
    }

    private Mono<Map<String, List<Closure>>> readClosures() {
        return db.sql(R2dbcClosures.CURRENT)
                .map(R2dbcClosures::closure)
                .all()
                .collect(Collectors.groupingBy(Closure::attractionId, Collectors.toList()))
                .map(found -> (Map<String, List<Closure>>) Map.copyOf(found));
    }

    @Override
    public Mono<List<TripPackage>> packages() {
        return packages;
    }

    private Mono<Map<String, Attraction>> readAttractions() {
        Mono<Map<String, List<Season>>> seasons = db.sql("""
                        SELECT attraction_id, season_year, opens, closes, opens_confirmed, closes_confirmed, source
                          FROM attraction_season ORDER BY season_year
                        """)
                .map(row -> Map.entry(row.get("attraction_id", String.class), new Season(
                        row.get("season_year", Integer.class), row.get("opens", LocalDate.class),
                        row.get("closes", LocalDate.class), row.get("opens_confirmed", Boolean.class),
                        row.get("closes_confirmed", Boolean.class), row.get("source", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return seasons.flatMap(bySeason -> db.sql("""
                        SELECT id, kind, city, latitude, longitude, all_year, opens_at, closes_at, price_adult_cny,
                               price_concession_cny, minutes_needed, outdoor, names::text AS names,
                               descriptions::text AS descriptions, source, note, access, airport, concession_max_age,
                               concession_placeholder, concession_note
                          FROM attraction ORDER BY city, id
                        """)
                .map(row -> attraction(row, bySeason))
                .all()
                .collect(LinkedHashMap<String, Attraction>::new, (map, a) -> map.put(a.id(), a))
                .map(Map::copyOf));
    }

    private Mono<List<TripPackage>> readPackages() {
        Mono<Map<String, List<TripPackage.Item>>> items = db.sql(
                        "SELECT package_id, day, position, attraction_id FROM trip_package_item ORDER BY day, position")
                .map(row -> Map.entry(row.get("package_id", String.class), new TripPackage.Item(
                        row.get("day", Integer.class), row.get("position", Integer.class),
                        row.get("attraction_id", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return items.flatMap(byPackage -> db.sql("""
                        SELECT id, days, titles::text AS titles, descriptions::text AS descriptions, note
                          FROM trip_package ORDER BY days, id
                        """)
                .map(row -> new TripPackage(row.get("id", String.class), row.get("days", Integer.class),
                        text(row, "titles"), text(row, "descriptions"),
                        byPackage.getOrDefault(row.get("id", String.class), List.of()), row.get("note", String.class)))
                .all()
                .collectList());
    }

    private Attraction attraction(Readable row, Map<String, List<Season>> seasons) {
        String id = row.get("id", String.class);
        return new Attraction(id, Attraction.Kind.valueOf(row.get("kind", String.class)), row.get("city", String.class),
                row.get("latitude", BigDecimal.class).doubleValue(), row.get("longitude", BigDecimal.class).doubleValue(),
                row.get("all_year", Boolean.class), row.get("opens_at", LocalTime.class),
                row.get("closes_at", LocalTime.class), row.get("price_adult_cny", BigDecimal.class),
                row.get("price_concession_cny", BigDecimal.class), row.get("minutes_needed", Integer.class),
                row.get("outdoor", Boolean.class), text(row, "names"), text(row, "descriptions"),
                seasons.getOrDefault(id, List.of()), row.get("source", String.class), row.get("note", String.class),
                Attraction.Access.valueOf(row.get("access", String.class)), row.get("airport", String.class),
                new Attraction.Concession(row.get("concession_max_age", Integer.class),
                        Boolean.TRUE.equals(row.get("concession_placeholder", Boolean.class)),
                        row.get("concession_note", String.class)), List.of());
    }

    private LocalizedText text(Readable row, String column) {
        return new LocalizedText(json.readValue(row.get(column, String.class), TEXTS));
    }
}
