package travel.amur.itinerary.planning.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.postgres.PgNotifications;
import travel.amur.itinerary.planning.application.Itineraries;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;
import travel.amur.itinerary.planning.model.Plan;
import travel.amur.itinerary.planning.model.Rejection;

/**
 * Itineraries in PostgreSQL, draft and plan as JSON. A status change sends {@code NOTIFY itinerary_status} in the
 * same transaction, so every instance hears of it once it is committed.
 */
@Repository
class R2dbcItineraries implements Itineraries {

    static final String CHANNEL = "itinerary_status";
    private static final TypeReference<List<Rejection>> REJECTIONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final String COLUMNS = """
            SELECT id, agency_id, status, version, draft::text AS draft, plan::text AS plan,
                   rejections::text AS rejections, waiting_for::text AS waiting_for, created_at, updated_at
              FROM itinerary
            """;

    /** Up to this many itineraries' parsed draft and plan are kept: far more than are being booked at once. */
    private static final int PARSED_KEPT = 2_000;

    private final DatabaseClient db;
    private final JsonMapper json;
    private final ChangesByItinerary statusChanges;
    /*
     * A booking reads its itinerary at every step (each participant's answer, each event stream's update) and only
     * its booking columns change meanwhile: parsing the same draft and plan JSON again was the service's largest own
     * cost under load. The stored text is compared before a parsed value is reused, so another instance's change is
     * never missed.
     */
    private final Cache<UUID, Parsed> parsed = Caffeine.newBuilder().maximumSize(PARSED_KEPT)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /** An itinerary's draft and plan as stored, and parsed. */
    private record Parsed(String draftJson, Draft draft, String planJson, Plan plan) {

        boolean of(String draftText, String planText) {
            return draftJson.equals(draftText) && planJson.equals(planText);
        }
    }

    R2dbcItineraries(DatabaseClient db, JsonMapper json, PgNotifications notifications) {
        this.db = db;
        this.json = json;
        // One LISTEN connection per instance, shared by every watcher; a reconnect counts as a change of everything.
        this.statusChanges = new ChangesByItinerary(notifications.listen(CHANNEL)
                .mapNotNull(payload -> payload.isEmpty() ? ANY : idOrNull(payload)));
    }

    /** The one subscription lasts as long as the instance: a stray payload (a manual NOTIFY) must not end it. */
    private static UUID idOrNull(String payload) {
        try {
            return UUID.fromString(payload);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    @Override
    public Mono<Void> add(Itinerary itinerary) {
        return db.sql("""
                        INSERT INTO itinerary (id, agency_id, status, version, draft, plan, rejections, created_at,
                                               updated_at)
                        VALUES (:id, :agency, :status, :version, CAST(:draft AS jsonb), CAST(:plan AS jsonb),
                                CAST(:rejections AS jsonb), :created, :updated)
                        """)
                .bind("id", itinerary.id()).bind("agency", itinerary.agencyId())
                .bind("status", itinerary.status().name()).bind("version", itinerary.version())
                .bind("draft", json.writeValueAsString(itinerary.draft()))
                .bind("plan", json.writeValueAsString(itinerary.plan()))
                .bind("rejections", json.writeValueAsString(itinerary.rejections()))
                .bind("created", itinerary.createdAt()).bind("updated", itinerary.updatedAt())
                .then();
    }

    @Override
    public Mono<Void> update(Itinerary itinerary, boolean statusChanged) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        UPDATE itinerary
                           SET status = :status, version = :version, draft = CAST(:draft AS jsonb),
                               plan = CAST(:plan AS jsonb), rejections = CAST(:rejections AS jsonb),
                               waiting_for = CAST(:waitingFor AS jsonb), updated_at = :updated
                         WHERE id = :id
                        """)
                .bind("draft", json.writeValueAsString(itinerary.draft()))
                .bind("plan", json.writeValueAsString(itinerary.plan()));
        Mono<Void> saved = bindBooking(update, itinerary).then();
        return statusChanged ? saved.then(notifyChange(itinerary.id())) : saved;
    }

    @Override
    public Mono<Void> updateBooking(Itinerary itinerary) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        UPDATE itinerary
                           SET status = :status, version = :version, rejections = CAST(:rejections AS jsonb),
                               waiting_for = CAST(:waitingFor AS jsonb), updated_at = :updated
                         WHERE id = :id
                        """);
        return bindBooking(update, itinerary).then().then(notifyChange(itinerary.id()));
    }

    /** Binds where the itinerary's booking stands: the columns both updates write. */
    private DatabaseClient.GenericExecuteSpec bindBooking(DatabaseClient.GenericExecuteSpec update,
            Itinerary itinerary) {
        return update.bind("id", itinerary.id()).bind("status", itinerary.status().name())
                .bind("version", itinerary.version())
                .bind("rejections", json.writeValueAsString(itinerary.rejections()))
                .bind("waitingFor", json.writeValueAsString(itinerary.waitingFor()))
                .bind("updated", itinerary.updatedAt());
    }

    @Override
    public Mono<Void> remove(UUID id) {
        return db.sql("DELETE FROM itinerary WHERE id = :id").bind("id", id).fetch().rowsUpdated()
                .then(notifyChange(id));
    }

    private Mono<Void> notifyChange(UUID id) {
        return db.sql("SELECT pg_notify('" + CHANNEL + "', :id)").bind("id", id.toString())
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Itinerary> findOwned(UUID id, String agencyId) {
        return db.sql(COLUMNS + " WHERE id = :id AND agency_id = :agency").bind("id", id).bind("agency", agencyId)
                .map(this::itinerary).one();
    }

    @Override
    public Mono<Itinerary> lockOwned(UUID id, String agencyId) {
        return db.sql(COLUMNS + " WHERE id = :id AND agency_id = :agency FOR UPDATE").bind("id", id)
                .bind("agency", agencyId).map(this::itinerary).one();
    }

    @Override
    public Mono<Itinerary> lock(UUID id) {
        return db.sql(COLUMNS + " WHERE id = :id FOR UPDATE").bind("id", id).map(this::itinerary).one();
    }

    @Override
    public Flux<Itinerary> listOwned(String agencyId, ItineraryStatus status, int page, int size) {
        return db.sql(COLUMNS + """
                         WHERE agency_id = :agency AND (:status = '' OR status = :status)
                         ORDER BY created_at DESC, id
                         LIMIT :limit OFFSET :offset
                        """)
                .bind("agency", agencyId).bind("status", status == null ? "" : status.name())
                .bind("limit", size).bind("offset", (long) page * size)
                .map(this::itinerary).all();
    }

    @Override
    public Mono<Long> countOwned(String agencyId, ItineraryStatus status) {
        return db.sql("""
                        SELECT count(*) AS n FROM itinerary WHERE agency_id = :agency AND (:status = '' OR status = :status)
                        """)
                .bind("agency", agencyId).bind("status", status == null ? "" : status.name())
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<UUID> statusChanges(UUID id) {
        return statusChanges.of(id);
    }

    private Itinerary itinerary(Readable row) {
        UUID id = row.get("id", UUID.class);
        String draftText = row.get("draft", String.class);
        String planText = row.get("plan", String.class);
        Parsed known = parsed.getIfPresent(id);
        if (known == null || !known.of(draftText, planText)) {
            known = new Parsed(draftText, json.readValue(draftText, Draft.class), planText,
                    json.readValue(planText, Plan.class));
            parsed.put(id, known);
        }
        return new Itinerary(id, row.get("agency_id", String.class),
                ItineraryStatus.valueOf(row.get("status", String.class)), row.get("version", Integer.class),
                known.draft(), known.plan(),
                json.readValue(row.get("rejections", String.class), REJECTIONS),
                json.readValue(row.get("waiting_for", String.class), NAMES),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
