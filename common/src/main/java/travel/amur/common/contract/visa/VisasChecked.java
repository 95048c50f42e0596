package travel.amur.common.contract.visa;

import java.util.List;
import java.util.UUID;
import travel.amur.common.event.EventType;

/** The answer to {@link CheckVisas}: one verdict per traveller. */
@EventType("travel.amur.visa.VisasChecked.v1")
public record VisasChecked(UUID checkId, UUID bookingId, List<Verdict> verdicts) {

    public VisasChecked {
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    public boolean allEligible() {
        return !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::eligible);
    }

    /** One traveller's answer: the policy applied, or why no policy lets them in. */
    public record Verdict(String travellerId, boolean eligible, String policyId, List<Reason> reasons) {

        public Verdict {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** A reason code such as STAY_TOO_LONG with a sentence for people. */
    public record Reason(String code, String message) {
    }
}
