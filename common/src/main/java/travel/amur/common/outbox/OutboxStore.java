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
     * Claims only the oldest pending event of each key: a later event of the same key waits until the earlier one
     * is published, so replicas claiming with SKIP LOCKED can never reorder one aggregate's events.
     */
    private static final String CLAIM = """
            SELECT o.position, o.topic, o.message_key, o.envelope::text AS envelope, o.created_at
              FROM outbox_event o
             WHERE o.published_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                                WHERE earlier.message_key = o.message_key
                                  AND earlier.published_at IS NULL
                                  AND earlier.position < o.position)
             ORDER BY o.position
             LIMIT :limit
               FOR UPDATE SKIP LOCKED
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
