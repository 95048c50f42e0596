package travel.amur.visa.eligibility.model;

import java.util.List;
import travel.amur.visa.policy.model.Policy;

/**
 * The answer for one traveller: whether they may enter without a visa, under which policy (or the policy that came
 * closest), the stay as that policy counts it, what they must still carry or meet, why not, and other ways in.
 *
 * @param policy null only when no policy covers the traveller's nationality and destination
 * @param stayDays null when there is no policy to count by
 */
public record Verdict(boolean eligible, Policy policy, Integer stayDays, List<String> conditions,
        List<Reason> reasons, List<Alternative> alternatives) {

    public Verdict {
        conditions = List.copyOf(conditions);
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
        if (eligible && (policy == null || !reasons.isEmpty())) {
            throw new IllegalArgumentException("an eligible answer names its policy and has no reasons against");
        }
    }

    public List<String> sources() {
        return policy == null ? List.of() : policy.sources();
    }
}
