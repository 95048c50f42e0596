package travel.amur.common.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code outbox_event} table. Every statement joins the caller's reactive transaction.
 */
public class OutboxStore {

    /*
     * Locks, with SKIP LOCKED, the oldest pending event of up to :limit keys, then every pending event of those keys
     * in order. An event that is not the oldest of its key is never claimed on its own, so while one replica holds a
     * key's oldest event no other replica can take any event of that key: replicas share the work without reordering
     * an aggregate's events, and a booking's several commands go out in one round.
     */
    private static final String CLAIM = """
            WITH heads AS (
                SELECT o.message_key
                  FROM outbox_event o
                 WHERE o.published_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                                    WHERE earlier.message_key = o.message_key
                                      AND earlier.published_at IS NULL
                                      AND earlier.position < o.position)
                 ORDER BY o.position
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
            )
            SELECT e.position, e.topic, e.message_key, e.envelope::text AS envelope, e.created_at
              FROM outbox_event e
             WHERE e.published_at IS NULL
               AND e.message_key IN (SELECT message_key FROM heads)
             ORDER BY e.position
             LIMIT :limit
               FOR UPDATE
            """;

    private final DatabaseClient db;

    public OutboxStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(UUID id, String topic, String key, String type, String envelope, Instant createdAt) {
        return db.sql("""
                        INSERT INTO outbox_event (id, topic, message_key, event_type, envelope, created_at)
                        VALUES (:id, :topic, :key, :type, CAST(:envelope AS jsonb), :createdAt)
                        """)
                .bind("id", id).bind("topic", topic).bind("key", key).bind("type", type)
                .bind("envelope", envelope).bind("createdAt", createdAt)
                .then();
    }

    /** Locks up to {@code limit} publishable events until the surrounding transaction ends. */
    public Flux<PendingEvent> claim(int limit) {
        return db.sql(CLAIM).bind("limit", limit)
                .map((row, meta) -> new PendingEvent(row.get("position", Long.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("envelope", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    public Mono<Long> markPublished(List<PendingEvent> events, Instant publishedAt) {
        Long[] positions = events.stream().map(PendingEvent::position).toArray(Long[]::new);
        return db.sql("UPDATE outbox_event SET published_at = :at WHERE position = ANY(:positions)")
                .bind("at", publishedAt).bind("positions", positions)
                .fetch().rowsUpdated();
    }

    public Mono<Long> deletePublishedBefore(Instant cutoff) {
        return db.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .bind("cutoff", cutoff).fetch().rowsUpdated();
    }
}
