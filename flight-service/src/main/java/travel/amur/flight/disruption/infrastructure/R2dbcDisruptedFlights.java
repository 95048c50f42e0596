package travel.amur.flight.disruption.infrastructure;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import travel.amur.flight.disruption.application.DisruptedFlights;
import travel.amur.flight.disruption.model.DisruptionType;
import travel.amur.flight.disruption.model.FlightDisruption;
import travel.amur.flight.disruption.model.FlightNow;

/** Disruptions in {@code flight_disruption}, applied to the {@code flight} row they concern. */
@Repository
class R2dbcDisruptedFlights implements DisruptedFlights {

    private final DatabaseClient db;

    R2dbcDisruptedFlights(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<FlightNow> lock(UUID flightId) {
        return db.sql("SELECT id, flight_number, departs_at, arrives_at, status FROM flight WHERE id = :id FOR UPDATE")
                .bind("id", flightId)
                .map(row -> new FlightNow(row.get("id", UUID.class), row.get("flight_number", String.class),
                        row.get("departs_at", Instant.class), row.get("arrives_at", Instant.class),
                        "CANCELLED".equals(row.get("status", String.class))))
                .one();
    }

    @Override
    public Mono<Void> record(FlightDisruption d) {
        var insert = db.sql("""
                        INSERT INTO flight_disruption (id, flight_id, type, reason, previous_departure, previous_arrival,
                                                       departure, arrival, created_at, created_by)
                        VALUES (:id, :flight, :type, :reason, :previousDeparture, :previousArrival, :departure,
                                :arrival, :at, :by)
                        """)
                .bind("id", d.id()).bind("flight", d.flightId()).bind("type", d.type().name())
                .bind("reason", d.reason()).bind("previousDeparture", d.previousDeparture())
                .bind("previousArrival", d.previousArrival()).bind("at", d.at()).bind("by", d.by());
        insert = d.departure() == null ? insert.bindNull("departure", Instant.class).bindNull("arrival", Instant.class)
                : insert.bind("departure", d.departure()).bind("arrival", d.arrival());
        var apply = d.type() == DisruptionType.CANCELLED
                ? db.sql("UPDATE flight SET status = 'CANCELLED' WHERE id = :id").bind("id", d.flightId())
                : d.type() == DisruptionType.REINSTATED
                ? db.sql("UPDATE flight SET status = 'SCHEDULED' WHERE id = :id").bind("id", d.flightId())
                : db.sql("UPDATE flight SET departs_at = :departure, arrives_at = :arrival WHERE id = :id")
                        .bind("departure", d.departure()).bind("arrival", d.arrival()).bind("id", d.flightId());
        return insert.then().then(apply.then());
    }
}
