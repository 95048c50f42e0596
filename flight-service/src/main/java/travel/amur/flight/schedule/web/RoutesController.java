package travel.amur.flight.schedule.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.flight.schedule.application.Network;
import travel.amur.flight.schedule.model.Airport;
import travel.amur.flight.schedule.model.Schedule;

/** The route network as published: airports and weekly schedules with their sources. */
@RestController
@RequestMapping("/api/flights")
@Tag(name = "Routes", description = "Airports and weekly schedules, each with its source")
class RoutesController {

    private final Network network;

    RoutesController(Network network) {
        this.network = network;
    }

    /**
     * A weekly schedule in local times, with where it comes from: {@code placeholders} names what no source gives,
     * {@code carriedForward} says a past season's timetable is sold on unconfirmed, {@code onSale} false once withdrawn.
     */
    record RouteView(String flightNumber, String carrier, String carrierName, String origin, String destination,
            List<DayOfWeek> days, LocalTime departsLocal, LocalTime arrivesLocal, String aircraft,
            LocalDate validFrom, LocalDate validTo, List<CabinView> cabins, String source, String note,
            List<String> placeholders, boolean carriedForward, boolean onSale, String fareSource) {
    }

    /** Seats and one-way fares of a cabin. */
    record CabinView(String cabin, int seats, BigDecimal fareRub, BigDecimal fareCny) {
    }

    /** An airport and its IANA time zone. */
    record AirportView(String code, String name, String city, String country, String timeZone) {
    }

    @GetMapping("/routes")
    @Operation(summary = "Every scheduled route, with days, local times, aircraft, fares and source")
    Mono<List<RouteView>> routes() {
        return network.carriers().flatMap(carriers -> network.schedules()
                .map(schedule -> view(schedule, carriers))
                .collectList());
    }

    @GetMapping("/airports")
    @Operation(summary = "Airports served, with their IANA time zones")
    Flux<AirportView> airports() {
        return network.airports().flatMapIterable(Map::values)
                .sort(Comparator.comparing(Airport::code))
                .map(a -> new AirportView(a.code(), a.name(), a.city(), a.country(), a.zone().getId()));
    }

    private static RouteView view(Schedule s, Map<String, String> carriers) {
        return new RouteView(s.flightNumber(), s.carrier(), carriers.get(s.carrier()), s.origin().code(),
                s.destination().code(), s.days().stream().sorted().toList(), s.departsLocal(), s.arrivesLocal(),
                s.aircraft(), s.validFrom(), s.validTo(),
                s.cabins().stream().map(c -> new CabinView(c.cabin().name(), c.seats(), c.fare().rub(),
                        c.fare().cny())).toList(),
                s.source(), s.note(), s.facts().placeholders(), s.facts().carriedForward(), s.facts().onSale(),
                s.facts().fareSource());
    }
}
