package travel.amur.flight.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.ProblemException;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;
import travel.amur.flight.search.application.SearchingFlights;
import travel.amur.flight.search.model.FlightQuery;

/** Flight search and flight details. */
@RestController
@RequestMapping("/api/flights")
@Tag(name = "Flights", description = "Search direct flights between the Russian Far East, Siberia and Harbin")
class FlightsController {

    private final SearchingFlights searching;

    FlightsController(SearchingFlights searching) {
        this.searching = searching;
    }

    @GetMapping("/search")
    @Operation(summary = "Search offers on one route", description = """
            Offers for flights departing on `date` (local date at the origin), or up to `flexDays` either side, \
            with at least `passengers` free seats in the cabin. Times carry each airport's own offset \
            (Yuzhno-Sakhalinsk +11:00, Harbin +08:00). Prices are per passenger and in total, in `currency` \
            (default: roubles from Russia, yuan from China). Offers expire after 20 minutes.""")
    @ApiResponse(responseCode = "200", description = "Offers, possibly none", content = @Content(
            examples = @ExampleObject(name = "UUS-HRB", value = """
                    {"origin":"UUS","destination":"HRB","date":"2026-12-16","flexDays":0,"passengers":2,
                     "cabin":"ECONOMY","currency":"RUB","offers":[{"flightId":"3f1c6c1e-7d0e-3a53-9a43-1b5e0c1d2f01",
                     "flightNumber":"HZ4698","carrier":{"code":"HZ","name":"Aurora"},"origin":"UUS","destination":"HRB",
                     "departure":"2026-12-16T09:00:00+11:00","arrival":"2026-12-16T08:55:00+08:00",
                     "durationMinutes":175,"aircraft":"DHC-8 Q400","cabin":"ECONOMY","seatsAvailable":70,
                     "price":{"perPassenger":{"amount":12500.00,"currency":"RUB"},
                              "total":{"amount":25000.00,"currency":"RUB"}},
                     "expiresAt":"2026-12-01T10:20:00Z"}]}""")))
    @ApiResponse(responseCode = "400", description = "Unknown airport, a past date, passengers outside 1-50 ...",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type":"https://amur.travel/problems/invalid-request","title":"Invalid request","status":400,
                     "detail":"origin: 'XXX' is not an airport Amur serves",
                     "errors":[{"field":"origin","message":"'XXX' is not an airport Amur serves"}]}""")))
    Mono<SearchView> search(
            @Parameter(example = "UUS") @RequestParam String origin,
            @Parameter(example = "HRB") @RequestParam String destination,
            @Parameter(example = "2026-12-16") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(example = "2") @RequestParam(defaultValue = "1") int passengers,
            @RequestParam(defaultValue = "ECONOMY") Cabin cabin,
            @RequestParam(required = false) Currency currency,
            @Parameter(description = "search this many days either side too (0-3)")
            @RequestParam(defaultValue = "0") int flexDays) {
        FlightQuery query = new FlightQuery(code(origin), code(destination), date, passengers, cabin, currency,
                flexDays);
        return searching.search(query).map(answer -> {
            if (answer instanceof SearchingFlights.Refused refused) {
                throw ProblemException.invalid(refused.problems().stream()
                        .map(problem -> new InvalidField(problem.field(), problem.message())).toList());
            }
            return SearchView.of((SearchingFlights.Offers) answer);
        });
    }

    @GetMapping("/{flightId}")
    @Operation(summary = "One flight with the seats and fares of each cabin")
    @ApiResponse(responseCode = "404", description = "No such flight",
            content = @Content(mediaType = "application/problem+json"))
    Mono<FlightView> flight(@PathVariable UUID flightId) {
        return searching.flight(flightId)
                .map(FlightView::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no flight " + flightId)));
    }

    private static String code(String airport) {
        return airport.trim().toUpperCase(Locale.ROOT);
    }
}
