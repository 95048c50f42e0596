package travel.amur.visa.policy.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.visa.EntryPolicyChanged;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.PolicyStatus;

/**
 * Operations add, change, extend and retire policies here, without code or redeploy. Each change bumps the version
 * and is recorded with who, when, before and after, in the same transaction. The next eligibility answer uses it.
 */
@Service
public class ChangingPolicies {

    private final PolicyBook book;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    ChangingPolicies(PolicyBook book, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.book = book;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a change came to. */
    public sealed interface Outcome permits Saved, Invalid, VersionConflict {
    }

    /** The policy as it now stands; {@code created} when it is new, {@code changed} false when nothing differed. */
    public record Saved(Policy policy, boolean created, boolean changed) implements Outcome {
    }

    public record Invalid(List<PolicyDocument.Problem> problems) implements Outcome {
    }

    public record VersionConflict(int expected, int actual) implements Outcome {
    }

    /**
     * Creates or replaces a policy. With {@code expectedVersion}, only if the stored version still is that one
     * (optimistic locking through {@code If-Match}).
     */
    public Mono<Outcome> put(String id, PolicyDocument document, Integer expectedVersion, String by) {
        List<PolicyDocument.Problem> problems = document.problems();
        if (!problems.isEmpty()) {
            return Mono.just(new Invalid(problems));
        }
        return tx.transactional(book.lock(id).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(current -> current
                        .map(existing -> replace(existing, document, expectedVersion, by))
                        .orElseGet(() -> create(id, document, expectedVersion, by))));
    }

    /** Retires a policy: kept for the record, never applied again. */
    public Mono<Outcome> retire(String id, Integer expectedVersion, String by) {
        return book.find(id)
                .flatMap(policy -> put(id, PolicyDocument.of(policy).withStatus(PolicyStatus.RETIRED),
                        expectedVersion, by));
    }

    private Mono<Outcome> create(String id, PolicyDocument document, Integer expectedVersion, String by) {
        if (expectedVersion != null) {
            return Mono.just(new VersionConflict(expectedVersion, 0));
        }
        Policy created = document.toPolicy(id, 1);
        Instant now = clock.instant();
        return book.save(created, now, by)
                .then(book.record(new PolicyRevision(id, 1, PolicyRevision.Change.CREATED, now, by, null,
                        PolicyDocument.of(created))))
                .thenReturn(new Saved(created, true, true));
    }

    private Mono<Outcome> replace(Policy existing, PolicyDocument document, Integer expectedVersion, String by) {
        if (expectedVersion != null && expectedVersion != existing.version()) {
            return Mono.just(new VersionConflict(expectedVersion, existing.version()));
        }
        PolicyDocument before = PolicyDocument.of(existing);
        Policy next = document.toPolicy(existing.id(), existing.version() + 1);
        PolicyDocument after = PolicyDocument.of(next);
        if (after.equals(before)) {
            return Mono.just(new Saved(existing, false, false));
        }
        Instant now = clock.instant();
        PolicyRevision.Change change = next.status() == PolicyStatus.RETIRED && existing.status() != PolicyStatus.RETIRED
                ? PolicyRevision.Change.RETIRED : PolicyRevision.Change.UPDATED;
        return book.save(next, now, by)
                .then(book.record(new PolicyRevision(existing.id(), next.version(), change, now, by, before, after)))
                .then(announceNarrowing(existing, next, now))
                .thenReturn(new Saved(next, false, true));
    }

    /**
     * A policy retired, or its entry window or stay made shorter, is announced (in the same transaction, through the
     * outbox) so that the trips relying on it are found; widening it disrupts nobody.
     */
    private Mono<Void> announceNarrowing(Policy before, Policy after, Instant now) {
        boolean retired = after.status() == PolicyStatus.RETIRED && before.status() != PolicyStatus.RETIRED;
        boolean narrowed = after.entryFrom().isAfter(before.entryFrom())
                || (after.entryTo() != null && (before.entryTo() == null || after.entryTo().isBefore(before.entryTo())))
                || after.maxStayDays() < before.maxStayDays();
        if (before.status() == PolicyStatus.RETIRED || (!retired && !narrowed) || !after.kind().visaFree()) {
            return Mono.empty();
        }
        EntryPolicyChanged event = new EntryPolicyChanged(UUID.nameUUIDFromBytes((after.id() + "@" + after.version())
                .getBytes(StandardCharsets.UTF_8)), after.id(), after.version(), retired ? "RETIRED" : "NARROWED",
                after.kind().name(), after.nationalities().stream().sorted().toList(),
                after.destinations().stream().sorted().toList(), before.entryFrom(), before.entryTo(),
                after.entryFrom(), after.entryTo(), before.maxStayDays(), after.maxStayDays(), now);
        return outbox.publish(Topics.VISA_EVENTS, event, after.id(), Causation.startOf(after.id())).then();
    }
}
