package travel.amur.itinerary.planning.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.itinerary.planning.application.TripDisruptions;
import travel.amur.itinerary.planning.model.Alternative;
import travel.amur.itinerary.planning.model.TripDisruption;

/**
 * Disruptions in {@code itinerary_disruption}, their alternatives as JSON; the trips a flight concerns are found in
 * their drafts' JSON. Every change wakes the trip's watchers through {@code itinerary_status} at commit.
 */
@Repository
class R2dbcTripDisruptions implements TripDisruptions {

    private static final TypeReference<List<Alternative>> ALTERNATIVES = new TypeReference<>() { };
    private static final String COLUMNS = """
            SELECT d.id, d.itinerary_id, d.type, d.subject, d.detail, d.detected_at, d.status,
                   d.alternatives::text AS alternatives, d.accepted, d.failure
            """;

    /**
     * How each recording ends: a cause announced twice is recorded once per trip (the unique (trip, cause)), and the
     * disruptions newly recorded are answered with their trip's agency.
     */
    private static final String RECORDED = """
            ON CONFLICT (itinerary_id, source_id) DO NOTHING
            RETURNING id, itinerary_id, (SELECT agency_id FROM itinerary WHERE id = itinerary_id) AS agency_id
            """;

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcTripDisruptions(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<List<Recorded>> recordForFlight(UUID flightId, UUID causeId, String type, String detail,
            Instant at) {
        // gen_random_uuid() gives each trip's disruption its own id.
        var spec = db.sql("""
                        INSERT INTO itinerary_disruption (id, itinerary_id, source_id, type, subject, detail, detected_at)
                        SELECT gen_random_uuid(), i.id, :cause, :type, :flight, :detail, :at
                          FROM itinerary i
                         WHERE i.status IN ('DRAFT', 'PENDING', 'CONFIRMED')
                           AND (i.draft -> 'outbound' ->> 'flightId' = :flight
                                OR i.draft -> 'inbound' ->> 'flightId' = :flight)
                        """ + RECORDED)
                .bind("cause", causeId).bind("type", type).bind("flight", flightId.toString())
                .bind("detail", detail).bind("at", at);
        return recorded(spec);
    }

    @Override
    public Mono<List<Recorded>> recordForAttraction(String attractionId, UUID closureId, LocalDate from,
            LocalDate to, LocalDate today, String detail, Instant at) {
        var spec = db.sql("""
                        INSERT INTO itinerary_disruption (id, itinerary_id, source_id, type, subject, detail, detected_at)
                        SELECT gen_random_uuid(), i.id, :cause, 'ATTRACTION_CLOSED', :attraction, :detail, :at
                          FROM itinerary i
                         WHERE i.status IN ('DRAFT', 'PENDING', 'CONFIRMED')
                           AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.draft -> 'activities') a
                                        WHERE a ->> 'attractionId' = :attraction
                                          AND (a ->> 'date')::date >= greatest(CAST(:from AS date), CAST(:today AS date))
                                          AND (CAST(:to AS date) IS NULL OR (a ->> 'date')::date <= CAST(:to AS date)))
                        """ + RECORDED)
                .bind("cause", closureId).bind("attraction", attractionId).bind("detail", detail).bind("at", at)
                .bind("from", from).bind("today", today);
        spec = to == null ? spec.bindNull("to", LocalDate.class) : spec.bind("to", to);
        return recorded(spec);
    }

    @Override
    public Mono<List<Recorded>> recordForPolicy(PolicyChange change, LocalDate today, String detail, Instant at) {
        // Local dates of the trip's arrival and departure, as the draft's offset date-times write them.
        var spec = db.sql("""
                        INSERT INTO itinerary_disruption (id, itinerary_id, source_id, type, subject, detail, detected_at)
                        SELECT gen_random_uuid(), i.id, :cause, 'ENTRY_POLICY_CHANGED', :policy, :detail, :at
                          FROM itinerary i,
                               LATERAL (SELECT substring(i.draft -> 'outbound' ->> 'arrival', 1, 10)::date AS arrives,
                                               substring(i.draft -> 'inbound' ->> 'departure', 1, 10)::date AS leaves) d
                         WHERE i.status IN ('DRAFT', 'PENDING', 'CONFIRMED')
                           AND i.draft ->> 'destination' = ANY(:destinations)
                           AND coalesce((i.draft ->> 'groupTour')::boolean, false) = :group
                           AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.draft -> 'travellers') t
                                        WHERE t ->> 'nationality' = ANY(:nationalities))
                           AND d.arrives >= CAST(:today AS date)
                           AND d.arrives >= CAST(:previousFrom AS date)
                           AND (CAST(:previousTo AS date) IS NULL OR d.arrives <= CAST(:previousTo AS date))
                           AND (:retired OR d.arrives < CAST(:entryFrom AS date)
                                OR (CAST(:entryTo AS date) IS NOT NULL AND d.arrives > CAST(:entryTo AS date))
                                OR d.leaves - d.arrives + 1 > :maxStay)
                        """ + RECORDED)
                .bind("cause", change.changeId()).bind("policy", change.policyId()).bind("detail", detail)
                .bind("at", at).bind("destinations", change.destinations().toArray(String[]::new))
                .bind("nationalities", change.nationalities().toArray(String[]::new))
                .bind("group", change.groupRegime()).bind("today", today)
                .bind("previousFrom", change.previousEntryFrom()).bind("retired", change.retired())
                .bind("entryFrom", change.entryFrom()).bind("maxStay", change.maxStayDays());
        spec = change.previousEntryTo() == null ? spec.bindNull("previousTo", LocalDate.class)
                : spec.bind("previousTo", change.previousEntryTo());
        spec = change.entryTo() == null ? spec.bindNull("entryTo", LocalDate.class)
                : spec.bind("entryTo", change.entryTo());
        return recorded(spec);
    }

    @Override
    public Mono<List<UUID>> resolveCause(UUID causeId, Instant at) {
        return resolved(db.sql("""
                        UPDATE itinerary_disruption SET status = 'RESOLVED', changed_at = :at
                         WHERE source_id = :cause AND status = 'OPEN' AND accepted IS NULL
                        RETURNING itinerary_id
                        """).bind("cause", causeId).bind("at", at));
    }

    @Override
    public Mono<List<UUID>> resolveOpen(String type, String subject, Instant at) {
        return resolved(db.sql("""
                        UPDATE itinerary_disruption SET status = 'RESOLVED', changed_at = :at
                         WHERE type = :type AND subject = :subject AND status = 'OPEN' AND accepted IS NULL
                        RETURNING itinerary_id
                        """).bind("type", type).bind("subject", subject).bind("at", at));
    }

    private Mono<List<UUID>> resolved(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> row.get("itinerary_id", UUID.class))
                .all().collectList()
                .flatMap(trips -> trips.isEmpty() ? Mono.just(trips) : notify(trips).thenReturn(trips));
    }

    private Mono<List<Recorded>> recorded(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> new Recorded(row.get("itinerary_id", UUID.class), row.get("agency_id", String.class),
                        row.get("id", UUID.class)))
                .all().collectList()
                .flatMap(recorded -> recorded.isEmpty() ? Mono.just(recorded)
                        : notify(recorded.stream().map(Recorded::itineraryId).toList()).thenReturn(recorded));
    }

    @Override
    public Flux<OfTrip> awaitingAlternatives(int limit) {
        return db.sql(COLUMNS + """
                        , i.agency_id
                          FROM itinerary_disruption d JOIN itinerary i ON i.id = d.itinerary_id
                         WHERE d.alternatives IS NULL AND d.status = 'OPEN'
                         ORDER BY d.detected_at
                         LIMIT :limit
                        """)
                .bind("limit", limit)
                .map(row -> new OfTrip(row.get("itinerary_id", UUID.class), row.get("agency_id", String.class),
                        disruption(row)))
                .all();
    }

    @Override
    public Mono<Boolean> propose(UUID itineraryId, UUID disruptionId, List<Alternative> alternatives, Instant at) {
        return db.sql("""
                        UPDATE itinerary_disruption SET alternatives = CAST(:alternatives AS jsonb), changed_at = :at
                         WHERE id = :id AND alternatives IS NULL AND status = 'OPEN'
                        """)
                .bind("id", disruptionId).bind("alternatives", json.writeValueAsString(alternatives)).bind("at", at)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.just(false) : notify(List.of(itineraryId)).thenReturn(true));
    }

    @Override
    public Mono<TripDisruption> lock(UUID itineraryId, UUID disruptionId) {
        return db.sql(COLUMNS + " FROM itinerary_disruption d WHERE d.id = :id AND d.itinerary_id = :trip FOR UPDATE")
                .bind("id", disruptionId).bind("trip", itineraryId)
                .map(this::disruption).one();
    }

    @Override
    public Mono<Void> save(UUID itineraryId, TripDisruption disruption, Instant at) {
        var spec = db.sql("""
                        UPDATE itinerary_disruption
                           SET status = :status, alternatives = CAST(:alternatives AS jsonb), accepted = :accepted,
                               failure = :failure, changed_at = :at
                         WHERE id = :id
                        """)
                .bind("id", disruption.id()).bind("status", disruption.status()).bind("at", at);
        spec = disruption.alternatives() == null ? spec.bindNull("alternatives", String.class)
                : spec.bind("alternatives", json.writeValueAsString(disruption.alternatives()));
        spec = disruption.accepted() == null ? spec.bindNull("accepted", UUID.class)
                : spec.bind("accepted", disruption.accepted());
        spec = disruption.failure() == null ? spec.bindNull("failure", String.class)
                : spec.bind("failure", disruption.failure());
        return spec.fetch().rowsUpdated().then(notify(List.of(itineraryId)));
    }

    /** Wakes the trips' watchers in every instance, at commit, on the channel their status changes use. */
    private Mono<Void> notify(List<UUID> trips) {
        return db.sql("SELECT pg_notify('" + R2dbcItineraries.CHANNEL + "', id::text) FROM unnest(:ids) AS t(id)")
                .bind("ids", trips.toArray(UUID[]::new)).fetch().all().then();
    }

    @Override
    public Mono<Map<UUID, List<TripDisruption>>> of(Collection<UUID> itineraryIds) {
        if (itineraryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql(COLUMNS + """
                          FROM itinerary_disruption d WHERE d.itinerary_id = ANY(:ids) ORDER BY d.detected_at, d.id
                        """)
                .bind("ids", itineraryIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("itinerary_id", UUID.class), disruption(row)))
                .all()
                .collect(HashMap<UUID, List<TripDisruption>>::new,
                        (found, entry) -> found.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                                .add(entry.getValue()))
                .map(found -> (Map<UUID, List<TripDisruption>>) found);
    }

    private TripDisruption disruption(Readable row) {
        String alternatives = row.get("alternatives", String.class);
        return new TripDisruption(row.get("id", UUID.class), row.get("type", String.class),
                row.get("subject", String.class), row.get("detail", String.class),
                row.get("detected_at", Instant.class), row.get("status", String.class),
                alternatives == null ? null : json.readValue(alternatives, ALTERNATIVES),
                row.get("accepted", UUID.class), row.get("failure", String.class));
    }
}
