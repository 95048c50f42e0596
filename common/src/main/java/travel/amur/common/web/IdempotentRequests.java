package travel.amur.common.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} as in the IETF draft and Stripe: the first request with a key runs and its response is
 * stored in the same transaction as its effects; a retry with the same key and body gets that response again (even an
 * error), another body gets 422, and a retry while the first still runs gets 409. Keys are scoped to the client.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Clock clock;
    private final IdempotencyProperties properties;

    public IdempotentRequests(DatabaseClient db, TransactionalOperator tx, JsonMapper json, Clock clock,
            IdempotencyProperties properties) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** One request that carries a key: who sent it, the key, the operation and the body it asked for. */
    public record Request(String client, String key, String operation, Object body) {
    }

    /** Checks the header: present, printable ASCII, at most 255 characters. */
    public static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(HEADER, "is required: send a unique key (e.g. a UUID) per operation");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 printable ASCII characters");
        }
        return key;
    }

    /**
     * Runs {@code action} once per key; it must do all its writes through R2DBC, as it runs in the transaction that
     * records its response.
     */
    public Mono<StoredResponse> execute(Request request, Supplier<Mono<StoredResponse>> action) {
        String fingerprint = fingerprint(request);
        return claim(request, fingerprint).flatMap(claimed -> claimed
                ? run(request, action)
                : existing(request, fingerprint, action));
    }

    /** A JSON response to store and send. */
    public StoredResponse respond(HttpStatus status, Object body, String location) {
        return new StoredResponse(status.value(), MediaType.APPLICATION_JSON_VALUE, json.writeValueAsString(body),
                location, false);
    }

    private Mono<Boolean> claim(Request request, String fingerprint) {
        Instant now = clock.instant();
        // A key whose retention has passed is free again; otherwise only the first insert wins.
        return db.sql("""
                        INSERT INTO idempotency_key (client, idempotency_key, operation, fingerprint, state,
                                                     locked_until, created_at, expires_at)
                        VALUES (:client, :key, :operation, :fingerprint, 'IN_PROGRESS', :lockedUntil, :now, :expiresAt)
                        ON CONFLICT (client, idempotency_key) DO UPDATE
                           SET operation = EXCLUDED.operation, fingerprint = EXCLUDED.fingerprint,
                               state = 'IN_PROGRESS', locked_until = EXCLUDED.locked_until,
                               created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
                               response_status = NULL, response_content_type = NULL, response_body = NULL,
                               response_location = NULL
                         WHERE idempotency_key.expires_at < :now
                        """)
                .bind("client", request.client()).bind("key", request.key()).bind("operation", request.operation())
                .bind("fingerprint", fingerprint).bind("lockedUntil", now.plus(properties.lease()))
                .bind("now", now).bind("expiresAt", now.plus(properties.retention()))
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    private Mono<StoredResponse> run(Request request, Supplier<Mono<StoredResponse>> action) {
        Mono<StoredResponse> effects = Mono.defer(action).flatMap(response -> complete(request, response));
        return tx.transactional(effects)
                .onErrorResume(failure -> {
                    ProblemDetail problem = Problems.from(failure);
                    if (problem.getStatus() >= 500) {
                        // Nothing was committed: free the key so that a retry runs the request again.
                        return release(request).then(Mono.error(failure));
                    }
                    StoredResponse refused = new StoredResponse(problem.getStatus(),
                            MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsString(Problems.body(problem)),
                            null, false);
                    return complete(request, refused);
                });
    }

    private Mono<StoredResponse> existing(Request request, String fingerprint,
            Supplier<Mono<StoredResponse>> action) {
        return db.sql("""
                        SELECT fingerprint, state, locked_until, response_status, response_content_type,
                               response_body, response_location
                          FROM idempotency_key WHERE client = :client AND idempotency_key = :key
                        """)
                .bind("client", request.client()).bind("key", request.key())
                .map((row, meta) -> new Existing(row.get("fingerprint", String.class), row.get("state", String.class),
                        row.get("locked_until", Instant.class),
                        new StoredResponse(row.get("response_status", Integer.class) == null ? 0
                                : row.get("response_status", Integer.class),
                                row.get("response_content_type", String.class), row.get("response_body", String.class),
                                blankToNull(row.get("response_location", String.class)), true)))
                .one()
                .flatMap(found -> {
                    if (!found.fingerprint().equals(fingerprint)) {
                        return Mono.error(ProblemException.unprocessable("idempotency-key-reused",
                                "Idempotency-Key reused",
                                "This Idempotency-Key was used for a different request; use a new key"));
                    }
                    if ("COMPLETED".equals(found.state())) {
                        return Mono.just(found.response());
                    }
                    if (found.lockedUntil().isAfter(clock.instant())) {
                        return Mono.error(inProgress());
                    }
                    // The first attempt died without committing: its effects and its completion are one transaction.
                    return takeOver(request, found.lockedUntil())
                            .flatMap(taken -> taken ? run(request, action) : Mono.error(inProgress()));
                })
                // Deleted between our insert and this read: the first attempt failed and freed the key.
                .switchIfEmpty(Mono.error(IdempotentRequests::inProgress));
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("request-in-progress", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry later");
    }

    private Mono<Boolean> takeOver(Request request, Instant staleLock) {
        return db.sql("""
                        UPDATE idempotency_key SET locked_until = :lockedUntil
                         WHERE client = :client AND idempotency_key = :key AND state = 'IN_PROGRESS'
                           AND locked_until = :stale
                        """)
                .bind("lockedUntil", clock.instant().plus(properties.lease())).bind("client", request.client())
                .bind("key", request.key()).bind("stale", staleLock)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    private Mono<StoredResponse> complete(Request request, StoredResponse response) {
        return db.sql("""
                        UPDATE idempotency_key
                           SET state = 'COMPLETED', response_status = :status, response_content_type = :contentType,
                               response_body = :body, response_location = :location
                         WHERE client = :client AND idempotency_key = :key
                        """)
                .bind("status", response.status()).bind("contentType", response.contentType())
                .bind("body", response.body())
                .bind("location", response.location() == null ? "" : response.location())
                .bind("client", request.client()).bind("key", request.key())
                .then().thenReturn(response);
    }

    private Mono<Void> release(Request request) {
        return db.sql("DELETE FROM idempotency_key WHERE client = :client AND idempotency_key = :key AND state = 'IN_PROGRESS'")
                .bind("client", request.client()).bind("key", request.key()).then();
    }

    public Mono<Long> deleteExpired() {
        return db.sql("DELETE FROM idempotency_key WHERE expires_at < :now").bind("now", clock.instant())
                .fetch().rowsUpdated();
    }

    private String fingerprint(Request request) {
        byte[] canonical = (request.operation() + "\n" + json.writeValueAsString(request.body()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private record Existing(String fingerprint, String state, Instant lockedUntil, StoredResponse response) {
    }
}
