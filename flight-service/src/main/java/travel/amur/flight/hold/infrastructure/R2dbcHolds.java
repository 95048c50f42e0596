package travel.amur.flight.hold.infrastructure;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.flight.hold.application.Holds;
import travel.amur.flight.hold.model.ConfirmedSeats;
import travel.amur.flight.hold.model.ExpiredHold;
import travel.amur.flight.hold.model.HeldSeats;
import travel.amur.flight.hold.model.HoldDetails;
import travel.amur.flight.hold.model.HoldStatus;
import travel.amur.flight.hold.model.Money;
import travel.amur.flight.hold.model.Passengers;
import travel.amur.flight.hold.model.Refusal;
import travel.amur.flight.hold.model.RejectedHold;
import travel.amur.flight.hold.model.ReleasedSeats;
import travel.amur.flight.hold.model.SeatHold;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;

/** Holds in the {@code seat_hold} table; the state is a column, turned back into its type on reading. */
@Repository
class R2dbcHolds implements Holds {

    private static final String COLUMNS = """
            SELECT id, agency_id, booking_id, flight_id, flight_number, cabin, seats, passenger_names, status,
                   reason, amount, currency, created_at, expires_at, updated_at
              FROM seat_hold
            """;

    private final DatabaseClient db;
    private final Clock clock;

    R2dbcHolds(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<SeatHold> lock(UUID holdId) {
        return db.sql(COLUMNS + " WHERE id = :id FOR UPDATE").bind("id", holdId).map(R2dbcHolds::hold).one();
    }

    @Override
    public Mono<SeatHold> lockOwnedBy(UUID holdId, String agencyId) {
        return db.sql(COLUMNS + " WHERE id = :id AND agency_id = :agency FOR UPDATE")
                .bind("id", holdId).bind("agency", agencyId).map(R2dbcHolds::hold).one();
    }

    @Override
    public Mono<SeatHold> findOwnedBy(UUID holdId, String agencyId) {
        return db.sql(COLUMNS + " WHERE id = :id AND agency_id = :agency")
                .bind("id", holdId).bind("agency", agencyId).map(R2dbcHolds::hold).one();
    }

    @Override
    public Flux<SeatHold> listOwnedBy(String agencyId, HoldStatus status, int page, int size) {
        return db.sql(COLUMNS + """
                         WHERE agency_id = :agency AND (:status = '' OR status = :status)
                         ORDER BY created_at DESC, id
                         LIMIT :limit OFFSET :offset
                        """)
                .bind("agency", agencyId)
                .bind("status", status == null ? "" : status.name())
                .bind("limit", size).bind("offset", (long) page * size)
                .map(R2dbcHolds::hold).all();
    }

    @Override
    public Mono<Long> countOwnedBy(String agencyId, HoldStatus status) {
        return db.sql("""
                        SELECT count(*) AS n FROM seat_hold WHERE agency_id = :agency AND (:status = '' OR status = :status)
                        """)
                .bind("agency", agencyId).bind("status", status == null ? "" : status.name())
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Void> add(SeatHold hold) {
        HoldDetails d = hold.details();
        var spec = db.sql("""
                        INSERT INTO seat_hold (id, agency_id, booking_id, flight_id, flight_number, cabin, seats,
                                               passenger_names, status, reason, amount, currency, created_at,
                                               expires_at, updated_at)
                        VALUES (:id, :agency, :booking, :flight, :flightNumber, :cabin, :seats, :names, :status,
                                :reason, :amount, :currency, :createdAt, :expiresAt, :createdAt)
                        """)
                .bind("id", d.id()).bind("agency", d.agencyId())
                .bind("flight", d.flightId())
                .bind("cabin", d.cabin().name()).bind("seats", d.seats())
                .bind("names", d.passengers().names().toArray(String[]::new))
                .bind("status", hold.status().name())
                .bind("amount", d.total().amount()).bind("currency", d.total().currency().name())
                .bind("createdAt", d.createdAt()).bind("expiresAt", d.expiresAt());
        spec = d.bookingId() == null ? spec.bindNull("booking", UUID.class) : spec.bind("booking", d.bookingId());
        spec = d.flightNumber() == null ? spec.bindNull("flightNumber", String.class)
                : spec.bind("flightNumber", d.flightNumber());
        String reason = reason(hold);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.then();
    }

    @Override
    public Mono<Void> remove(UUID holdId) {
        return db.sql("DELETE FROM seat_hold WHERE id = :id").bind("id", holdId).then();
    }

    @Override
    public Mono<Void> save(SeatHold hold) {
        String reason = reason(hold);
        var spec = db.sql("UPDATE seat_hold SET status = :status, reason = :reason, updated_at = :now WHERE id = :id")
                .bind("status", hold.status().name()).bind("now", clock.instant()).bind("id", hold.details().id());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.then();
    }

    @Override
    public Flux<HeldSeats> lockDueToExpire(Instant now, int limit) {
        return db.sql(COLUMNS + """
                         WHERE status = 'HELD' AND expires_at <= :now
                         ORDER BY expires_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now).bind("limit", limit)
                .map(R2dbcHolds::hold).all()
                .cast(HeldSeats.class);
    }

    @Override
    public Mono<Boolean> tombstoned(UUID holdId) {
        return db.sql("SELECT 1 FROM hold_tombstone WHERE hold_id = :id").bind("id", holdId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> tombstone(UUID holdId, UUID bookingId, Instant at) {
        var spec = db.sql("""
                        INSERT INTO hold_tombstone (hold_id, booking_id, created_at) VALUES (:id, :booking, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", holdId).bind("at", at);
        return (bookingId == null ? spec.bindNull("booking", UUID.class) : spec.bind("booking", bookingId)).then();
    }

    private static String reason(SeatHold hold) {
        if (hold instanceof ReleasedSeats released) {
            return released.reason();
        }
        if (hold instanceof RejectedHold rejected) {
            return rejected.refusal().name() + ": " + rejected.explanation();
        }
        return null;
    }

    private static SeatHold hold(Readable row) {
        String[] names = row.get("passenger_names", String[].class);
        int seats = row.get("seats", Integer.class);
        HoldDetails details = new HoldDetails(row.get("id", UUID.class), row.get("agency_id", String.class),
                row.get("booking_id", UUID.class), row.get("flight_id", UUID.class),
                row.get("flight_number", String.class), Cabin.valueOf(row.get("cabin", String.class)),
                new Passengers(seats, names == null ? java.util.List.of() : Arrays.asList(names)),
                new Money(row.get("amount", BigDecimal.class), Currency.valueOf(row.get("currency", String.class))),
                row.get("created_at", Instant.class), row.get("expires_at", Instant.class));
        Instant updated = row.get("updated_at", Instant.class);
        String reason = row.get("reason", String.class);
        return switch (HoldStatus.valueOf(row.get("status", String.class))) {
            case HELD -> new HeldSeats(details);
            case CONFIRMED -> new ConfirmedSeats(details, updated);
            case RELEASED -> new ReleasedSeats(details, updated, reason);
            case EXPIRED -> new ExpiredHold(details, updated);
            case REJECTED -> rejected(details, reason);
        };
    }

    private static RejectedHold rejected(HoldDetails details, String reason) {
        int colon = reason.indexOf(": ");
        return new RejectedHold(details, Refusal.valueOf(reason.substring(0, colon)), reason.substring(colon + 2));
    }
}
