package travel.amur.flight.search.infrastructure;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Fare;
import travel.amur.flight.search.application.FlightInventory;
import travel.amur.flight.search.model.FlightSeats;
import travel.amur.flight.search.model.ScheduleFacts;

/** Flights and seats from PostgreSQL. */
@Repository
class R2dbcFlightInventory implements FlightInventory {

    private static final String COLUMNS = """
            SELECT f.id, f.flight_number, f.carrier, f.origin, f.destination, f.departs_at, f.arrives_at, f.aircraft,
                   f.status,
                   i.cabin, i.capacity, i.capacity - i.held - i.sold AS available, i.fare_rub, i.fare_cny,
                   s.source, s.valid_to, s.carried_forward, s.note, s.placeholders, s.fare_source
              FROM flight f JOIN seat_inventory i ON i.flight_id = f.id
                            JOIN schedule s ON s.flight_number = f.flight_number
            """;

    private final DatabaseClient db;

    R2dbcFlightInventory(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<FlightSeats> onSale(String origin, String destination, LocalDate from, LocalDate to, Cabin cabin,
            int seatsNeeded, Instant now) {
        return db.sql(COLUMNS + """
                         WHERE f.origin = :origin AND f.destination = :destination
                           AND f.departure_date BETWEEN :from AND :to
                           AND f.departs_at > :now
                           AND f.status = 'SCHEDULED'
                           AND i.cabin = :cabin
                           AND i.capacity - i.held - i.sold >= :seats
                         ORDER BY f.departs_at
                        """)
                .bind("origin", origin).bind("destination", destination).bind("from", from).bind("to", to)
                .bind("now", now).bind("cabin", cabin.name()).bind("seats", seatsNeeded)
                .map(R2dbcFlightInventory::seats)
                .all();
    }

    @Override
    public Flux<FlightSeats> flight(UUID flightId) {
        return db.sql(COLUMNS + " WHERE f.id = :id ORDER BY i.cabin")
                .bind("id", flightId)
                .map(R2dbcFlightInventory::seats)
                .all();
    }

    private static FlightSeats seats(Readable row) {
        return new FlightSeats(row.get("id", UUID.class), row.get("flight_number", String.class),
                row.get("carrier", String.class), row.get("origin", String.class),
                row.get("destination", String.class), row.get("departs_at", Instant.class),
                row.get("arrives_at", Instant.class), row.get("aircraft", String.class),
                Cabin.valueOf(row.get("cabin", String.class)), row.get("capacity", Integer.class),
                row.get("available", Integer.class),
                new Fare(row.get("fare_rub", BigDecimal.class), row.get("fare_cny", BigDecimal.class)),
                new ScheduleFacts(row.get("source", String.class), row.get("valid_to", LocalDate.class),
                        row.get("carried_forward", Boolean.class), row.get("note", String.class),
                        List.of(row.get("placeholders", String[].class)), row.get("fare_source", String.class)),
                "CANCELLED".equals(row.get("status", String.class)));
    }
}
