package travel.amur.itinerary.planning.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.application.TripDisruptions;
import travel.amur.itinerary.planning.model.TripDisruption;

/** Disruptions in {@code itinerary_disruption}; the trips a flight concerns are found in their drafts' JSON. */
@Repository
class R2dbcTripDisruptions implements TripDisruptions {

    private final DatabaseClient db;

    R2dbcTripDisruptions(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<List<UUID>> recordForFlight(UUID flightId, UUID causeId, String type, String detail, Instant at) {
        // gen_random_uuid() gives each trip's disruption its own id; the unique (trip, cause) makes a redelivered
        // announcement a no-op.
        return db.sql("""
                        INSERT INTO itinerary_disruption (id, itinerary_id, source_id, type, subject, detail, detected_at)
                        SELECT gen_random_uuid(), i.id, :cause, :type, :flight, :detail, :at
                          FROM itinerary i
                         WHERE i.status IN ('DRAFT', 'PENDING', 'CONFIRMED')
                           AND (i.draft -> 'outbound' ->> 'flightId' = :flight
                                OR i.draft -> 'inbound' ->> 'flightId' = :flight)
                        ON CONFLICT (itinerary_id, source_id) DO NOTHING
                        RETURNING itinerary_id
                        """)
                .bind("cause", causeId).bind("type", type).bind("flight", flightId.toString())
                .bind("detail", detail).bind("at", at)
                .map(row -> row.get("itinerary_id", UUID.class))
                .all().collectList()
                .flatMap(trips -> trips.isEmpty() ? Mono.just(trips) : notify(trips).thenReturn(trips));
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
        return db.sql("""
                        SELECT id, itinerary_id, type, subject, detail, detected_at, status
                          FROM itinerary_disruption WHERE itinerary_id = ANY(:ids) ORDER BY detected_at, id
                        """)
                .bind("ids", itineraryIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("itinerary_id", UUID.class), new TripDisruption(row.get("id", UUID.class),
                        row.get("type", String.class), row.get("subject", String.class),
                        row.get("detail", String.class), row.get("detected_at", Instant.class),
                        row.get("status", String.class))))
                .all()
                .collect(HashMap<UUID, List<TripDisruption>>::new,
                        (found, entry) -> found.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                                .add(entry.getValue()))
                .map(found -> (Map<UUID, List<TripDisruption>>) found);
    }
}
