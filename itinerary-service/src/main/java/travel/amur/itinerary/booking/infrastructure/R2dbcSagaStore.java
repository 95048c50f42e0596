package travel.amur.itinerary.booking.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.itinerary.booking.application.SagaStore;
import travel.amur.itinerary.booking.model.BookingSaga;
import travel.amur.itinerary.booking.model.GroupTour;
import travel.amur.itinerary.booking.model.Phase;
import travel.amur.itinerary.booking.model.Rebooking;
import travel.amur.itinerary.booking.model.Step;

/** Sagas in {@code booking_saga}, their steps as JSON; their logs in {@code saga_log}. */
@Repository
class R2dbcSagaStore implements SagaStore {

    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() { };
    private static final String COLUMNS = """
            SELECT itinerary_id, phase, steps::text AS steps, started_at, ended_at,
                   deadline, group_tour, group_agency_authorised, rebooking::text AS rebooking
              FROM booking_saga
            """;

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcSagaStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Void> add(BookingSaga saga) {
        return bind(db.sql("""
                INSERT INTO booking_saga (itinerary_id, phase, steps, next_deadline, started_at, ended_at,
                                          deadline, group_tour, group_agency_authorised, rebooking)
                VALUES (:id, :phase, CAST(:steps AS jsonb), :next, :started, :ended,
                        :deadline, :groupTour, :groupAuthorised, CAST(:rebooking AS jsonb))
                """), saga).then();
    }

    @Override
    public Mono<Void> save(BookingSaga saga) {
        return bind(db.sql("""
                UPDATE booking_saga
                   SET phase = :phase, steps = CAST(:steps AS jsonb),
                       next_deadline = :next, started_at = :started, ended_at = :ended, deadline = :deadline,
                       group_tour = :groupTour, group_agency_authorised = :groupAuthorised,
                       rebooking = CAST(:rebooking AS jsonb)
                 WHERE itinerary_id = :id
                """), saga).then();
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, BookingSaga saga) {
        spec = spec.bind("id", saga.itineraryId()).bind("phase", saga.phase().name())
                .bind("steps", json.writeValueAsString(saga.steps()))
                .bind("started", saga.startedAt()).bind("deadline", saga.deadline())
                .bind("groupTour", saga.groupTour() != null);
        spec = saga.groupTour() == null || saga.groupTour().agencyAuthorised() == null
                ? spec.bindNull("groupAuthorised", Boolean.class)
                : spec.bind("groupAuthorised", saga.groupTour().agencyAuthorised());
        spec = saga.rebooking() == null ? spec.bindNull("rebooking", String.class)
                : spec.bind("rebooking", json.writeValueAsString(saga.rebooking()));
        spec = saga.nextDeadline() == null ? spec.bindNull("next", Instant.class)
                : spec.bind("next", saga.nextDeadline());
        return saga.endedAt() == null ? spec.bindNull("ended", Instant.class) : spec.bind("ended", saga.endedAt());
    }

    @Override
    public Mono<BookingSaga> lock(UUID itineraryId) {
        return db.sql(COLUMNS + " WHERE itinerary_id = :id FOR UPDATE").bind("id", itineraryId).map(this::saga).one();
    }

    @Override
    public Mono<BookingSaga> find(UUID itineraryId) {
        return db.sql(COLUMNS + " WHERE itinerary_id = :id").bind("id", itineraryId).map(this::saga).one();
    }

    @Override
    public Flux<BookingSaga> lockDue(Instant now, int limit) {
        return db.sql(COLUMNS + """
                         WHERE next_deadline <= :now
                         ORDER BY next_deadline
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now).bind("limit", limit).map(this::saga).all();
    }

    @Override
    public Mono<Void> log(UUID itineraryId, Instant at, List<String> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO saga_log (itinerary_id, at, entry)
                        SELECT :id, :at, entry
                          FROM unnest(CAST(:entries AS text[])) WITH ORDINALITY AS logged(entry, n)
                         ORDER BY n
                        """)
                .bind("id", itineraryId).bind("at", at).bind("entries", entries.toArray(String[]::new))
                .then();
    }

    @Override
    public Flux<String> logOf(UUID itineraryId) {
        return db.sql("SELECT at, entry FROM saga_log WHERE itinerary_id = :id ORDER BY position")
                .bind("id", itineraryId)
                .map(row -> row.get("at", Instant.class) + " " + row.get("entry", String.class))
                .all();
    }

    private BookingSaga saga(Readable row) {
        return new BookingSaga(row.get("itinerary_id", UUID.class), Phase.valueOf(row.get("phase", String.class)),
                json.readValue(row.get("steps", String.class), STEPS),
                row.get("started_at", Instant.class), row.get("ended_at", Instant.class),
                row.get("deadline", Instant.class), Boolean.TRUE.equals(row.get("group_tour", Boolean.class))
                        ? new GroupTour(row.get("group_agency_authorised", Boolean.class)) : null,
                rebooking(row.get("rebooking", String.class)));
    }

    private Rebooking rebooking(String stored) {
        return stored == null ? null : json.readValue(stored, Rebooking.class);
    }
}
