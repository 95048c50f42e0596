package travel.amur.common.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
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
 *
 * <p>A running first attempt holds its key's row locked, so "still running" is a fact the database knows, not a guess
 * from a lease: a key whose attempt died (crash, lost connection, database outage) is free for the next retry at once.
 * A failure that retrying may cure (5xx) leaves nothing behind, so the retry runs the request again.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String COLUMNS = """
            SELECT fingerprint, state, expires_at, response_status, response_content_type, response_body,
                   response_location
              FROM idempotency_key WHERE client = :client AND idempotency_key = :key
            """;

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
                ? run(request, fingerprint, action, false)
                : existing(request, fingerprint, action));
    }

    /** A JSON response to store and send. */
    public StoredResponse respond(HttpStatus status, Object body, String location) {
        return new StoredResponse(status.value(), MediaType.APPLICATION_JSON_VALUE, json.writeValueAsString(body),
                location, false);
    }

    private Mono<Boolean> claim(Request request, String fingerprint) {
        Instant now = clock.instant();
        // DO NOTHING, not DO UPDATE: that would wait for the row lock a running first attempt holds.
        return db.sql("""
                        INSERT INTO idempotency_key (client, idempotency_key, operation, fingerprint, state,
                                                     created_at, expires_at)
                        VALUES (:client, :key, :operation, :fingerprint, 'IN_PROGRESS', :now, :expiresAt)
                        ON CONFLICT (client, idempotency_key) DO NOTHING
                        """)
                .bind("client", request.client()).bind("key", request.key()).bind("operation", request.operation())
                .bind("fingerprint", fingerprint).bind("now", now)
                .bind("expiresAt", now.plus(properties.retention()))
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    /** Frees a key whose retention has passed, so that it can be claimed again; emits whether it did. */
    private Mono<Boolean> forgetExpired(Request request) {
        return db.sql("""
                        DELETE FROM idempotency_key
                         WHERE client = :client AND idempotency_key = :key AND expires_at < :now
                        """)
                .bind("client", request.client()).bind("key", request.key()).bind("now", clock.instant())
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    /**
     * Runs the action in a transaction that first locks the key's row. Just claimed, it waits for the lock (only a
     * retry taking the key over could hold it); {@code takingOver} an unfinished key, it gives up if the row is locked,
     * since then the attempt that holds it is running.
     */
    private Mono<StoredResponse> run(Request request, String fingerprint, Supplier<Mono<StoredResponse>> action,
            boolean takingOver) {
        Mono<StoredResponse> locked = lock(request, takingOver).flatMap(found -> {
            if (found.isEmpty()) {
                // Another attempt holds the key: it is running now.
                return Mono.error(inProgress());
            }
            Existing row = found.get();
            if (!row.fingerprint().equals(fingerprint)) {
                return Mono.error(reused());
            }
            if ("COMPLETED".equals(row.state())) {
                // A retry took the key over and finished while this attempt waited for it.
                return Mono.just(row.response());
            }
            return Mono.defer(action).flatMap(response -> complete(request, response));
        });
        return tx.transactional(locked)
                .onErrorResume(failure -> {
                    ProblemDetail problem = Problems.from(failure);
                    if (problem.getStatus() >= 500 || problem.getStatus() == 409 && isInProgress(failure)
                            || problem.getStatus() == 422 && isReused(failure)) {
                        // Nothing was committed. On a 5xx the key is freed so that a retry runs the request again;
                        // if even that fails (the database is down), the key's row is not locked by anyone, and
                        // the retry takes it over.
                        Mono<Void> freed = problem.getStatus() >= 500 ? release(request).onErrorComplete()
                                : Mono.empty();
                        return freed.then(Mono.error(failure));
                    }
                    StoredResponse refused = new StoredResponse(problem.getStatus(),
                            MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsString(Problems.body(problem)),
                            null, false);
                    return complete(request, refused);
                });
    }

    /** The key's row, locked for this transaction; empty when another running attempt holds it (unless waiting). */
    private Mono<Optional<Existing>> lock(Request request, boolean skipIfLocked) {
        return db.sql(COLUMNS + (skipIfLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"))
                .bind("client", request.client()).bind("key", request.key())
                .map((row, meta) -> existing(row))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<StoredResponse> existing(Request request, String fingerprint,
            Supplier<Mono<StoredResponse>> action) {
        return db.sql(COLUMNS)
                .bind("client", request.client()).bind("key", request.key())
                .map((row, meta) -> existing(row))
                .one()
                .flatMap(found -> {
                    if (found.expiresAt().isBefore(clock.instant())) {
                        // Kept past its retention: the key is new again (housekeeping deletes such rows hourly).
                        return forgetExpired(request).then(claim(request, fingerprint)).flatMap(claimed -> claimed
                                ? run(request, fingerprint, action, false)
                                : Mono.error(inProgress()));
                    }
                    if (!found.fingerprint().equals(fingerprint)) {
                        return Mono.error(reused());
                    }
                    if ("COMPLETED".equals(found.state())) {
                        return Mono.just(found.response());
                    }
                    // In progress: running now if its row is locked, otherwise its attempt died and this one takes
                    // over (its effects and its completion were one transaction, so none of them happened).
                    return run(request, fingerprint, action, true);
                })
                // Deleted between our insert and this read: the first attempt failed and freed the key; try again.
                .switchIfEmpty(Mono.defer(() -> claim(request, fingerprint).flatMap(claimed -> claimed
                        ? run(request, fingerprint, action, false)
                        : Mono.error(inProgress()))));
    }

    private static Existing existing(io.r2dbc.spi.Readable row) {
        Integer status = row.get("response_status", Integer.class);
        return new Existing(row.get("fingerprint", String.class), row.get("state", String.class),
                row.get("expires_at", Instant.class), new StoredResponse(status == null ? 0 : status, row.get("response_content_type", String.class),
                        row.get("response_body", String.class),
                        blankToNull(row.get("response_location", String.class)), true));
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("request-in-progress", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry later");
    }

    private static ProblemException reused() {
        return ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request; use a new key");
    }

    private static boolean isInProgress(Throwable failure) {
        return failure instanceof ProblemException problem && problem.toProblemDetail().getType() != null
                && problem.toProblemDetail().getType().toString().endsWith("/request-in-progress");
    }

    private static boolean isReused(Throwable failure) {
        return failure instanceof ProblemException problem && problem.toProblemDetail().getType() != null
                && problem.toProblemDetail().getType().toString().endsWith("/idempotency-key-reused");
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

    private record Existing(String fingerprint, String state, Instant expiresAt, StoredResponse response) {
    }
}
