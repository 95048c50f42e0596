package travel.amur.itinerary.catalog.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.catalog.application.Closures;
import travel.amur.itinerary.catalog.model.Closure;

/**
 * Closures in {@code attraction_closure}; each change sends {@code NOTIFY attraction_closures} in its transaction, so
 * every instance's catalog reads them again once it is committed.
 */
@Repository
class R2dbcClosures implements Closures {

    static final String CHANNEL = "attraction_closures";
    static final String CURRENT = """
            SELECT id, attraction_id, from_date, to_date, reason FROM attraction_closure
             WHERE lifted_at IS NULL ORDER BY from_date, id
            """;

    private final DatabaseClient db;

    R2dbcClosures(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> add(Closure closure, String by, Instant at) {
        var spec = db.sql("""
                        INSERT INTO attraction_closure (id, attraction_id, from_date, to_date, reason, closed_by,
                                                        closed_at)
                        VALUES (:id, :attraction, :from, :to, :reason, :by, :at)
                        """)
                .bind("id", closure.id()).bind("attraction", closure.attractionId()).bind("from", closure.from())
                .bind("reason", closure.reason()).bind("by", by).bind("at", at);
        spec = closure.to() == null ? spec.bindNull("to", LocalDate.class) : spec.bind("to", closure.to());
        return spec.then().then(changed());
    }

    @Override
    public Mono<Lifted> lift(String attractionId, UUID closureId, String by, Instant at) {
        return db.sql("""
                        UPDATE attraction_closure SET lifted_by = coalesce(lifted_by, :by),
                               lifted_at = coalesce(lifted_at, :at)
                         WHERE id = :id AND attraction_id = :attraction
                        RETURNING id, attraction_id, from_date, to_date, reason, lifted_at = :at AS now_lifted
                        """)
                .bind("id", closureId).bind("attraction", attractionId).bind("by", by).bind("at", at)
                .map(row -> new Lifted(closure(row), Boolean.TRUE.equals(row.get("now_lifted", Boolean.class))))
                .one()
                .flatMap(lifted -> lifted.now() ? changed().thenReturn(lifted) : Mono.just(lifted));
    }

    private Mono<Void> changed() {
        return db.sql("SELECT pg_notify('" + CHANNEL + "', '')").fetch().rowsUpdated().then();
    }

    static Closure closure(Readable row) {
        return new Closure(row.get("id", UUID.class), row.get("attraction_id", String.class),
                row.get("from_date", LocalDate.class), row.get("to_date", LocalDate.class),
                row.get("reason", String.class));
    }
}
