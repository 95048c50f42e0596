package travel.amur.visa.policy.application;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.visa.policy.model.Policy;

/** Stored policies and their revisions. */
public interface PolicyBook {

    /** Every policy, active and retired; the rules skip retired ones. */
    Flux<Policy> all();

    Mono<Policy> find(String id);

    /** The policy, locked until the surrounding transaction ends. */
    Mono<Policy> lock(String id);

    Mono<Void> save(Policy policy, Instant at, String by);

    Mono<Void> record(PolicyRevision revision);

    Flux<PolicyRevision> revisions(String id);
}
