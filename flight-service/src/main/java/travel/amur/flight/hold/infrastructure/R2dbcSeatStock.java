package travel.amur.flight.hold.infrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import travel.amur.flight.hold.application.FlightToHold;
import travel.amur.flight.hold.application.SeatStock;
import travel.amur.flight.hold.model.SeatMovement;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Fare;

/** Seat inventory rows; each change is one statement that checks and changes together. */
@Repository
class R2dbcSeatStock implements SeatStock {

    private final DatabaseClient db;

    R2dbcSeatStock(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<FlightToHold> flight(UUID flightId, Cabin cabin) {
        return db.sql("""
                        SELECT f.id, f.flight_number, f.departs_at, f.status, a.country, i.fare_rub, i.fare_cny
                          FROM flight f
                          JOIN seat_inventory i ON i.flight_id = f.id AND i.cabin = :cabin
                          JOIN airport a ON a.code = f.origin
                         WHERE f.id = :id
                        """)
                .bind("id", flightId).bind("cabin", cabin.name())
                .map(row -> new FlightToHold(row.get("id", UUID.class), row.get("flight_number", String.class),
                        row.get("departs_at", Instant.class), row.get("country", String.class),
                        new Fare(row.get("fare_rub", BigDecimal.class), row.get("fare_cny", BigDecimal.class)),
                        "CANCELLED".equals(row.get("status", String.class))))
                .one();
    }

    @Override
    public Mono<Boolean> take(UUID flightId, Cabin cabin, int seats) {
        // The free-seat check and the change are one statement: PostgreSQL re-checks the condition on the locked
        // row, so concurrent holds from any number of instances can never take more seats than are free.
        return db.sql("""
                        UPDATE seat_inventory SET held = held + :seats
                         WHERE flight_id = :id AND cabin = :cabin AND capacity - held - sold >= :seats
                        """)
                .bind("seats", seats).bind("id", flightId).bind("cabin", cabin.name())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Void> move(UUID flightId, Cabin cabin, SeatMovement movement) {
        if (movement.equals(SeatMovement.NONE)) {
            return Mono.empty();
        }
        return db.sql("""
                        UPDATE seat_inventory SET held = held + :held, sold = sold + :sold
                         WHERE flight_id = :id AND cabin = :cabin
                        """)
                .bind("held", movement.held()).bind("sold", movement.sold())
                .bind("id", flightId).bind("cabin", cabin.name())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("no inventory for " + flightId + " " + cabin)));
    }

    @Override
    public Mono<Integer> available(UUID flightId, Cabin cabin) {
        return db.sql("SELECT capacity - held - sold AS free FROM seat_inventory WHERE flight_id = :id AND cabin = :cabin")
                .bind("id", flightId).bind("cabin", cabin.name())
                .map(row -> row.get("free", Integer.class))
                .one()
                .defaultIfEmpty(0);
    }
}
