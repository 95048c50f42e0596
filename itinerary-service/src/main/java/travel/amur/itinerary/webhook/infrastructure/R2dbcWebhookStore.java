package travel.amur.itinerary.webhook.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.webhook.application.WebhookStore;
import travel.amur.itinerary.webhook.model.Delivery;
import travel.amur.itinerary.webhook.model.Webhook;

/** Webhooks in {@code webhook}, deliveries in {@code webhook_delivery}. */
@Repository
class R2dbcWebhookStore implements WebhookStore {

    private static final String DELIVERY = """
            SELECT d.id, d.webhook_id, d.event_type, d.itinerary_id, d.body, d.status, d.attempts, d.last_status,
                   d.last_error, d.next_attempt_at, d.created_at, d.retry_from, d.delivered_at
            """;

    private final DatabaseClient db;

    R2dbcWebhookStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> add(Webhook webhook, String secret) {
        return db.sql("""
                        INSERT INTO webhook (id, agency_id, url, events, secret, created_at)
                        VALUES (:id, :agency, :url, :events, :secret, :created)
                        """)
                .bind("id", webhook.id()).bind("agency", webhook.agencyId()).bind("url", webhook.url())
                .bind("events", webhook.events().toArray(String[]::new)).bind("secret", secret)
                .bind("created", webhook.createdAt())
                .then();
    }

    @Override
    public Flux<Webhook> list(String agencyId) {
        return db.sql("SELECT id, agency_id, url, events, created_at FROM webhook WHERE agency_id = :agency"
                        + " ORDER BY created_at, id")
                .bind("agency", agencyId)
                .map(row -> new Webhook(row.get("id", UUID.class), row.get("agency_id", String.class),
                        row.get("url", String.class), List.of(row.get("events", String[].class)),
                        row.get("created_at", Instant.class)))
                .all();
    }

    @Override
    public Mono<Long> count(String agencyId) {
        return db.sql("SELECT count(*) AS n FROM webhook WHERE agency_id = :agency").bind("agency", agencyId)
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Boolean> delete(String agencyId, UUID webhookId) {
        return db.sql("DELETE FROM webhook WHERE id = :id AND agency_id = :agency")
                .bind("id", webhookId).bind("agency", agencyId)
                .fetch().rowsUpdated().map(deleted -> deleted > 0);
    }

    @Override
    public Flux<UUID> subscribers(String agencyId, String eventType) {
        return db.sql("SELECT id FROM webhook WHERE agency_id = :agency AND :type = ANY(events) ORDER BY created_at")
                .bind("agency", agencyId).bind("type", eventType)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Void> enqueue(UUID webhookId, String eventType, UUID itineraryId, String body, Instant now) {
        return db.sql("""
                        INSERT INTO webhook_delivery (id, webhook_id, event_type, itinerary_id, body, next_attempt_at,
                                                      created_at, retry_from)
                        VALUES (:id, :webhook, :type, :itinerary, :body, :now, :now, :now)
                        """)
                .bind("id", UUID.randomUUID()).bind("webhook", webhookId).bind("type", eventType)
                .bind("itinerary", itineraryId).bind("body", body).bind("now", now)
                .then();
    }

    @Override
    public Flux<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        // Only the oldest pending delivery of each itinerary for each webhook is due: the next waits until it has
        // been delivered (or failed for good).
        return db.sql("""
                        WITH due AS (
                            SELECT d.id FROM webhook_delivery d
                             WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                               AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                                WHERE e.webhook_id = d.webhook_id AND e.itinerary_id = d.itinerary_id
                                                  AND e.status = 'PENDING' AND e.position < d.position)
                             ORDER BY d.next_attempt_at
                             LIMIT :limit
                               FOR UPDATE SKIP LOCKED)
                        UPDATE webhook_delivery d SET next_attempt_at = :lease
                          FROM due, webhook w
                         WHERE d.id = due.id AND w.id = d.webhook_id
                        RETURNING d.id, d.webhook_id, d.event_type, d.itinerary_id, d.body, d.status, d.attempts,
                                  d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.retry_from,
                                  d.delivered_at, w.url, w.secret
                        """)
                .bind("now", now).bind("lease", leaseUntil).bind("limit", limit)
                .map(row -> new Due(delivery(row), row.get("url", String.class), row.get("secret", String.class)))
                .all();
    }

    @Override
    public Mono<Void> attempted(UUID deliveryId, String status, Integer httpStatus, String error,
            Instant nextAttemptAt, Instant now) {
        var spec = db.sql("""
                        UPDATE webhook_delivery
                           SET status = :status, attempts = attempts + 1, last_status = :httpStatus,
                               last_error = :error, next_attempt_at = :next,
                               delivered_at = CASE WHEN :status = 'DELIVERED' THEN :now ELSE delivered_at END
                         WHERE id = :id
                        """)
                .bind("id", deliveryId).bind("status", status).bind("now", now);
        spec = httpStatus == null ? spec.bindNull("httpStatus", Integer.class) : spec.bind("httpStatus", httpStatus);
        spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
        spec = nextAttemptAt == null ? spec.bindNull("next", Instant.class) : spec.bind("next", nextAttemptAt);
        return spec.then();
    }

    @Override
    public Flux<Delivery> deliveries(String agencyId, UUID webhookId, int page, int size) {
        return db.sql(DELIVERY + """
                          FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                         WHERE w.id = :webhook AND w.agency_id = :agency
                         ORDER BY d.position DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .bind("webhook", webhookId).bind("agency", agencyId).bind("limit", size)
                .bind("offset", (long) page * size)
                .map(this::delivery).all();
    }

    @Override
    public Mono<Long> countDeliveries(String agencyId, UUID webhookId) {
        return db.sql("""
                        SELECT count(*) AS n FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                         WHERE w.id = :webhook AND w.agency_id = :agency
                        """)
                .bind("webhook", webhookId).bind("agency", agencyId)
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Delivery> redeliver(String agencyId, UUID webhookId, UUID deliveryId, Instant now) {
        return db.sql("""
                        UPDATE webhook_delivery d
                           SET status = 'PENDING', next_attempt_at = :now, retry_from = :now
                          FROM webhook w
                         WHERE d.id = :id AND d.webhook_id = :webhook AND w.id = d.webhook_id
                           AND w.agency_id = :agency
                        RETURNING d.id, d.webhook_id, d.event_type, d.itinerary_id, d.body, d.status, d.attempts,
                                  d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.retry_from,
                                  d.delivered_at
                        """)
                .bind("id", deliveryId).bind("webhook", webhookId).bind("agency", agencyId).bind("now", now)
                .map(this::delivery).one();
    }

    private Delivery delivery(Readable row) {
        return new Delivery(row.get("id", UUID.class), row.get("webhook_id", UUID.class),
                row.get("event_type", String.class), row.get("itinerary_id", UUID.class), row.get("body", String.class),
                row.get("status", String.class), row.get("attempts", Integer.class),
                row.get("last_status", Integer.class), row.get("last_error", String.class),
                row.get("next_attempt_at", Instant.class), row.get("created_at", Instant.class),
                row.get("retry_from", Instant.class), row.get("delivered_at", Instant.class));
    }
}
