package travel.amur.visa.eligibility.model;

import java.util.List;
import travel.amur.visa.policy.model.PolicyKind;

/** Another way in for this trip, such as an e-visa, a transit or a group tour, with what it takes. */
public record Alternative(String policyId, String title, PolicyKind kind, String summary, List<String> sources) {
}
