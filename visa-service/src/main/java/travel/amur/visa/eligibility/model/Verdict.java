package travel.amur.visa.eligibility.model;

import java.util.List;
import travel.amur.visa.policy.model.Policy;

/**
 * The answer for one traveller: whether they may enter without a visa, under which policy (or the policy that came
 * closest), the stay as that policy counts it, what they must still carry or meet, why not, and other ways in.
 *
 * @param policy null when no policy covers the traveller's nationality and destination, or when they are a citizen
 * @param stayDays null when there is no policy to count by
 * @param citizen the traveller enters their own country: no visa, no policy, no limit on the stay
 */
public record Verdict(boolean eligible, Policy policy, Integer stayDays, List<String> conditions,
        List<Reason> reasons, List<Alternative> alternatives, boolean citizen) {

    public Verdict {
        conditions = List.copyOf(conditions);
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
        if (eligible && ((policy == null && !citizen) || !reasons.isEmpty())) {
            throw new IllegalArgumentException("an eligible answer names its policy and has no reasons against");
        }
    }

    public Verdict(boolean eligible, Policy policy, Integer stayDays, List<String> conditions, List<Reason> reasons,
            List<Alternative> alternatives) {
        this(eligible, policy, stayDays, conditions, reasons, alternatives, false);
    }

    public List<String> sources() {
        return policy == null ? List.of() : policy.sources();
    }
}
