package travel.amur.itinerary.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemException;
import travel.amur.itinerary.catalog.application.Catalog;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.Season;
import travel.amur.itinerary.catalog.model.TripPackage;

/**
 * The ice-and-snow catalog in the language of {@code Accept-Language} (English, Russian or Chinese; English by default),
 * with ETags for {@code If-None-Match}.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Catalog", description = "Harbin and Heilongjiang attractions, events and ready-made packages")
class CatalogController {

    private final Catalog catalog;
    private final CachedJson cached;

    CatalogController(Catalog catalog, CachedJson cached) {
        this.catalog = catalog;
        this.cached = cached;
    }

    /**
     * An attraction in one language: its seasons with each end confirmed or expected, how it is reached from Harbin
     * (CITY, ROAD, FLIGHT to {@code airport}), who pays the concession price ({@code concession.placeholder} when
     * no source says), and the closures operations declared.
     */
    record AttractionView(String id, String kind, String name, String description, String city, double latitude,
            double longitude, boolean allYear, List<Season> seasons, LocalTime opensAt, LocalTime closesAt,
            BigDecimal priceAdultCny, BigDecimal priceConcessionCny, int minutesNeeded, boolean outdoor,
            String source, String note, String access, String airport, Attraction.Concession concession,
            List<ClosuresController.ClosureView> closures) {

        static AttractionView of(Attraction a, String language) {
            return new AttractionView(a.id(), a.kind().name(), a.names().in(language), a.descriptions().in(language),
                    a.city(), a.latitude(), a.longitude(), a.allYear(), a.seasons(), a.opensAt(), a.closesAt(),
                    a.priceAdultCny(), a.priceConcessionCny(), a.minutesNeeded(), a.outdoor(), a.source(), a.note(),
                    a.access().name(), a.airport(), a.concession(),
                    a.closures().stream().map(ClosuresController.ClosureView::of).toList());
        }
    }

    /** A package in one language, its days listing attraction ids and names. */
    record PackageView(String id, int days, String title, String description, List<DayView> plan, String note) {
    }

    /** What a package does on one of its days. */
    record DayView(int day, List<Map<String, String>> attractions) {
    }

    @GetMapping("/attractions")
    @Operation(summary = "Attractions and events, optionally in a city and open on a date")
    Mono<ResponseEntity<byte[]>> attractions(
            @Parameter(example = "Harbin") @RequestParam(required = false) String city,
            @Parameter(example = "2027-01-07") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String language = Languages.choose(acceptLanguage);
        return catalog.attractions().map(all -> all.values().stream()
                        .filter(a -> city == null || a.city().equalsIgnoreCase(city))
                        .filter(a -> date == null || (a.openOn(date) && a.closureOn(date).isEmpty()))
                        .map(a -> AttractionView.of(a, language))
                        .toList())
                .map(list -> cached.respond(list, language, ifNoneMatch));
    }

    @GetMapping("/attractions/{id}")
    @Operation(summary = "One attraction")
    Mono<ResponseEntity<byte[]>> attraction(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String language = Languages.choose(acceptLanguage);
        return catalog.attractions()
                .mapNotNull(all -> all.get(id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no attraction " + id)))
                .map(a -> cached.respond(AttractionView.of(a, language), language, ifNoneMatch));
    }

    @GetMapping("/packages")
    @Operation(summary = "Ready-made trips, day by day")
    Mono<ResponseEntity<byte[]>> packages(
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String language = Languages.choose(acceptLanguage);
        return Mono.zip(catalog.packages(), catalog.attractions())
                .map(found -> found.getT1().stream().map(p -> view(p, found.getT2(), language)).toList())
                .map(list -> cached.respond(list, language, ifNoneMatch));
    }

    private static PackageView view(TripPackage p, Map<String, Attraction> attractions, String language) {
        List<DayView> days = java.util.stream.IntStream.rangeClosed(1, p.days())
                .mapToObj(day -> new DayView(day, p.items().stream().filter(item -> item.day() == day)
                        .map(item -> Map.of("id", item.attractionId(),
                                "name", attractions.get(item.attractionId()).names().in(language)))
                        .toList()))
                .toList();
        return new PackageView(p.id(), p.days(), p.titles().in(language), p.descriptions().in(language), days,
                p.note());
    }
}
