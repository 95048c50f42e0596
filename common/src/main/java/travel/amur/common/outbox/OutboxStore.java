package travel.amur.common.outbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code outbox_event} table. Every statement joins the caller's reactive transaction.
 */
public class OutboxStore {

    /*
     * Takes, with SKIP LOCKED, the oldest pending event of up to :limit keys, then every pending event of those keys,
     * and marks them published in the same statement; the surrounding transaction commits only once Kafka has
     * acknowledged them, so a failed send leaves them pending. An event that is not the oldest of its key is never
     * taken on its own, so while one replica holds a key's oldest event no other replica can take any event of that
     * key: replicas share the work without reordering an aggregate's events, and a booking's several commands go out
     * in one round.
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
            ), claimed AS (
                SELECT e.position
                  FROM outbox_event e
                 WHERE e.published_at IS NULL
                   AND e.message_key IN (SELECT message_key FROM heads)
                 ORDER BY e.position
                 LIMIT :limit
                   FOR UPDATE
            )
            UPDATE outbox_event o
               SET published_at = :now
              FROM claimed c
             WHERE o.position = c.position
            RETURNING o.position, o.topic, o.message_key, o.event_type, o.envelope::text AS envelope, o.created_at
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

    /**
     * Takes up to {@code limit} publishable events, in order, marked published as of {@code now}: the mark holds only
     * if the surrounding transaction commits, which it must do only once Kafka has the events.
     */
    public Mono<List<PendingEvent>> claim(int limit, Instant now) {
        return db.sql(CLAIM).bind("limit", limit).bind("now", now)
                .map((row, meta) -> new PendingEvent(row.get("position", Long.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("event_type", String.class),
                        row.get("envelope", String.class),
                        row.get("created_at", Instant.class)))
                .all()
                // RETURNING has no order of its own; the sends must follow the outbox's.
                .sort(Comparator.comparingLong(PendingEvent::position))
                .collectList();
    }

    public Mono<Long> deletePublishedBefore(Instant cutoff) {
        return db.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .bind("cutoff", cutoff).fetch().rowsUpdated();
    }
}
