package travel.amur.visa.eligibility.application;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import travel.amur.visa.eligibility.model.EligibilityRules;
import travel.amur.visa.eligibility.model.GroupRules;
import travel.amur.visa.eligibility.model.Trip;
import travel.amur.visa.eligibility.model.Verdict;
import travel.amur.visa.policy.application.PolicyBook;

/**
 * Answers eligibility questions from the policies as stored right now: a change by operations applies to the very next
 * question, in every instance.
 */
@Service
public class CheckingEligibility {

    private final PolicyBook book;

    CheckingEligibility(PolicyBook book) {
        this.book = book;
    }

    public Mono<Verdict> check(Trip trip) {
        return book.all().collectList().map(policies -> EligibilityRules.evaluate(trip, policies));
    }

    public Mono<GroupRules.GroupVerdict> checkGroup(List<GroupRules.Member> members) {
        return book.all().collectList().map(policies -> GroupRules.evaluate(members, policies));
    }
}
