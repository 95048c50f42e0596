package travel.amur.itinerary.catalog.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.itinerary.AttractionClosed;
import travel.amur.common.contract.itinerary.AttractionReopened;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.itinerary.catalog.model.Closure;

/**
 * Operations close an attraction for a while, or reopen it: audited (who, when), and announced through the outbox in
 * the same transaction (AttractionClosed, AttractionReopened), so the trips it concerns are found.
 */
@Service
public class ClosingAttractions {

    private static final Logger log = LoggerFactory.getLogger(ClosingAttractions.class);

    private final Catalog catalog;
    private final Closures closures;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    ClosingAttractions(Catalog catalog, Closures closures, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.catalog = catalog;
        this.closures = closures;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** A field of the request and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    /** What closing came to: the closure, the problems of the request, or no such attraction. */
    public sealed interface Outcome permits Closed, Invalid, NoAttraction {
    }

    public record Closed(Closure closure) implements Outcome {
    }

    public record Invalid(List<Problem> problems) implements Outcome {
    }

    public record NoAttraction() implements Outcome {
    }

    public Mono<Outcome> close(String attractionId, LocalDate from, LocalDate to, String reason, String by) {
        List<Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Problem("from", "is required"));
        } else if (to != null && to.isBefore(from)) {
            problems.add(new Problem("to", "must not be before from (" + from + ")"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.add(new Problem("reason", "is required (at most 500 characters)"));
        }
        return catalog.attractions().flatMap(all -> {
            if (!all.containsKey(attractionId)) {
                return Mono.just((Outcome) new NoAttraction());
            }
            if (!problems.isEmpty()) {
                return Mono.just((Outcome) new Invalid(problems));
            }
            Instant now = clock.instant();
            Closure closure = new Closure(UUID.randomUUID(), attractionId, from, to, reason.trim());
            return tx.transactional(closures.add(closure, by, now)
                    .then(outbox.publish(Topics.ITINERARY_EVENTS, new AttractionClosed(closure.id(), attractionId,
                            from, to, closure.reason(), now), attractionId, Causation.startOf(attractionId))))
                    .doOnSuccess(published -> log.info("{} closed {} from {} to {} by {}: {}", attractionId,
                            closure.id(), from, to == null ? "further notice" : to, by, closure.reason()))
                    .thenReturn((Outcome) new Closed(closure));
        });
    }

    /** Lifts a closure; empty when the attraction has no such closure. Lifting again changes nothing. */
    public Mono<Optional<Closure>> reopen(String attractionId, UUID closureId, String by) {
        Instant now = clock.instant();
        return tx.transactional(closures.lift(attractionId, closureId, by, now)
                        .flatMap(lifted -> !lifted.now() ? Mono.just(lifted)
                                : outbox.publish(Topics.ITINERARY_EVENTS, new AttractionReopened(closureId,
                                        attractionId, now), attractionId, Causation.startOf(attractionId))
                                        .doOnSuccess(published -> log.info("{} reopened ({} lifted by {})",
                                                attractionId, closureId, by))
                                        .thenReturn(lifted)))
                .map(lifted -> Optional.of(lifted.closure()))
                .defaultIfEmpty(Optional.empty());
    }
}
