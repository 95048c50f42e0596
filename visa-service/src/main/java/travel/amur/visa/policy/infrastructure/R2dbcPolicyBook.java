package travel.amur.visa.policy.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.visa.policy.application.PolicyBook;
import travel.amur.visa.policy.application.PolicyDocument;
import travel.amur.visa.policy.application.PolicyRevision;
import travel.amur.visa.policy.model.Policy;

/** Policies as JSON documents in {@code entry_policy}, revisions in {@code entry_policy_revision}. */
@Repository
class R2dbcPolicyBook implements PolicyBook {

    private static final String COLUMNS = "SELECT id, version, document::text AS document FROM entry_policy";

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcPolicyBook(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Flux<Policy> all() {
        return db.sql(COLUMNS + " ORDER BY id").map(this::policy).all();
    }

    @Override
    public Mono<Policy> find(String id) {
        return db.sql(COLUMNS + " WHERE id = :id").bind("id", id).map(this::policy).one();
    }

    @Override
    public Mono<Policy> lock(String id) {
        return db.sql(COLUMNS + " WHERE id = :id FOR UPDATE").bind("id", id).map(this::policy).one();
    }

    @Override
    public Mono<Void> save(Policy policy, Instant at, String by) {
        return db.sql("""
                        INSERT INTO entry_policy (id, version, status, document, updated_at, updated_by)
                        VALUES (:id, :version, :status, CAST(:document AS jsonb), :at, :by)
                        ON CONFLICT (id) DO UPDATE
                           SET version = EXCLUDED.version, status = EXCLUDED.status, document = EXCLUDED.document,
                               updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                        """)
                .bind("id", policy.id()).bind("version", policy.version()).bind("status", policy.status().name())
                .bind("document", json.writeValueAsString(PolicyDocument.of(policy)))
                .bind("at", at).bind("by", by)
                .then();
    }

    @Override
    public Mono<Void> record(PolicyRevision revision) {
        var spec = db.sql("""
                        INSERT INTO entry_policy_revision (policy_id, version, change, changed_at, changed_by, before, after)
                        VALUES (:id, :version, :change, :at, :by, CAST(:before AS jsonb), CAST(:after AS jsonb))
                        """)
                .bind("id", revision.policyId()).bind("version", revision.version())
                .bind("change", revision.change().name()).bind("at", revision.changedAt())
                .bind("by", revision.changedBy()).bind("after", json.writeValueAsString(revision.after()));
        spec = revision.before() == null ? spec.bindNull("before", String.class)
                : spec.bind("before", json.writeValueAsString(revision.before()));
        return spec.then();
    }

    @Override
    public Flux<PolicyRevision> revisions(String id) {
        return db.sql("""
                        SELECT policy_id, version, change, changed_at, changed_by, before::text AS before,
                               after::text AS after
                          FROM entry_policy_revision WHERE policy_id = :id ORDER BY version
                        """)
                .bind("id", id)
                .map(row -> new PolicyRevision(row.get("policy_id", String.class), row.get("version", Integer.class),
                        PolicyRevision.Change.valueOf(row.get("change", String.class)),
                        row.get("changed_at", Instant.class), row.get("changed_by", String.class),
                        document(row.get("before", String.class)), document(row.get("after", String.class))))
                .all();
    }

    private Policy policy(Readable row) {
        return document(row.get("document", String.class))
                .toPolicy(row.get("id", String.class), row.get("version", Integer.class));
    }

    private PolicyDocument document(String text) {
        return text == null ? null : json.readValue(text, PolicyDocument.class);
    }
}
