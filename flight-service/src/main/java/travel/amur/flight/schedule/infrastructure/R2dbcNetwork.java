package travel.amur.flight.schedule.infrastructure;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.flight.schedule.application.Network;
import travel.amur.flight.schedule.model.Airport;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.CabinPlan;
import travel.amur.flight.schedule.model.Fare;
import travel.amur.flight.schedule.model.PlannedFlight;
import travel.amur.flight.schedule.model.Schedule;

/** The network in PostgreSQL: airports, carriers, schedules, flights and their seat inventory. */
@Repository
class R2dbcNetwork implements Network {

    /*
     * One statement stores a whole batch: flights that already exist are skipped, and only the new ones get seat
     * inventory, so running it again never resets seats that were sold.
     */
    private static final String ADD_FLIGHTS = """
            WITH planned AS (
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:numbers AS text[]), CAST(:dates AS date[]),
                                     CAST(:departs AS timestamptz[]), CAST(:arrives AS timestamptz[]))
                         AS p(id, flight_number, departure_date, departs_at, arrives_at)
            ), inserted AS (
                INSERT INTO flight (id, flight_number, carrier, origin, destination, departure_date, departs_at,
                                    arrives_at, aircraft)
                SELECT p.id, p.flight_number, s.carrier, s.origin, s.destination, p.departure_date, p.departs_at,
                       p.arrives_at, s.aircraft
                  FROM planned p JOIN schedule s ON s.flight_number = p.flight_number
                ON CONFLICT (flight_number, departure_date) DO NOTHING
                RETURNING id, flight_number
            ), stocked AS (
                INSERT INTO seat_inventory (flight_id, cabin, capacity, fare_rub, fare_cny)
                SELECT i.id, c.cabin, c.seats, c.fare_rub, c.fare_cny
                  FROM inserted i JOIN schedule_cabin c ON c.flight_number = i.flight_number
                RETURNING flight_id
            )
            SELECT count(*) AS added FROM inserted
            """;

    private final DatabaseClient db;
    private final Mono<Map<String, Airport>> airports;
    private final Mono<Map<String, String>> carriers;

    R2dbcNetwork(DatabaseClient db) {
        this.db = db;
        this.airports = db.sql("SELECT code, name, city, country, time_zone FROM airport")
                .map(R2dbcNetwork::airport).all()
                .collectMap(Airport::code)
                .cache();
        this.carriers = db.sql("SELECT code, name FROM carrier")
                .map(row -> Map.entry(row.get("code", String.class), row.get("name", String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .cache();
    }

    @Override
    public Mono<Map<String, Airport>> airports() {
        return airports;
    }

    @Override
    public Mono<Map<String, String>> carriers() {
        return carriers;
    }

    @Override
    public Flux<Schedule> schedules() {
        Mono<Map<String, List<CabinPlan>>> cabins = db.sql(
                        "SELECT flight_number, cabin, seats, fare_rub, fare_cny FROM schedule_cabin ORDER BY cabin DESC")
                .map(row -> Map.entry(row.get("flight_number", String.class), new CabinPlan(
                        Cabin.valueOf(row.get("cabin", String.class)), row.get("seats", Integer.class),
                        new Fare(row.get("fare_rub", BigDecimal.class), row.get("fare_cny", BigDecimal.class)))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return Mono.zip(airports, cabins).flatMapMany(found -> db.sql("""
                        SELECT flight_number, carrier, origin, destination, days_of_week, departs_local, arrives_local,
                               arrival_day_offset, aircraft, valid_from, valid_to, source, note, placeholders,
                               carried_forward, on_sale, fare_source
                          FROM schedule ORDER BY flight_number
                        """)
                .map(row -> schedule(row, found.getT1(), found.getT2()))
                .all());
    }

    @Override
    public Mono<Long> addFlights(List<PlannedFlight> flights) {
        if (flights.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql(ADD_FLIGHTS)
                .bind("ids", column(flights, f -> f.id().toString()))
                .bind("numbers", column(flights, PlannedFlight::flightNumber))
                .bind("dates", column(flights, f -> f.departureDate().toString()))
                .bind("departs", column(flights, f -> f.departsAt().toString()))
                .bind("arrives", column(flights, f -> f.arrivesAt().toString()))
                .map(row -> row.get("added", Long.class))
                .one();
    }

    private static String[] column(List<PlannedFlight> flights, java.util.function.Function<PlannedFlight, String> value) {
        return flights.stream().map(value).toArray(String[]::new);
    }

    private static Airport airport(Readable row) {
        return new Airport(row.get("code", String.class), row.get("name", String.class), row.get("city", String.class),
                row.get("country", String.class), ZoneId.of(row.get("time_zone", String.class)));
    }

    private static Schedule schedule(Readable row, Map<String, Airport> airports, Map<String, List<CabinPlan>> cabins) {
        String number = row.get("flight_number", String.class);
        Short[] days = row.get("days_of_week", Short[].class);
        Set<DayOfWeek> weekdays = Arrays.stream(days).map(day -> DayOfWeek.of(day)).collect(Collectors.toSet());
        return new Schedule(number, row.get("carrier", String.class), airports.get(row.get("origin", String.class)),
                airports.get(row.get("destination", String.class)), weekdays,
                row.get("departs_local", LocalTime.class), row.get("arrives_local", LocalTime.class),
                row.get("arrival_day_offset", Short.class), row.get("aircraft", String.class),
                row.get("valid_from", LocalDate.class), row.get("valid_to", LocalDate.class),
                cabins.getOrDefault(number, List.of()), row.get("source", String.class), row.get("note", String.class),
                new Schedule.Facts(List.of(row.get("placeholders", String[].class)),
                        row.get("carried_forward", Boolean.class), row.get("on_sale", Boolean.class),
                        row.get("fare_source", String.class)));
    }
}
