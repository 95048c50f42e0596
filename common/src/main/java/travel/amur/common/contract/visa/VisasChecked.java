package travel.amur.common.contract.visa;

import java.util.List;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * The answer to {@link CheckVisas}: one verdict per traveller, and for a group tour the group's own answer.
 *
 * @param group null unless the check was for a group tour
 */
@EventType("travel.amur.visa.VisasChecked.v1")
public record VisasChecked(UUID checkId, UUID bookingId, List<Verdict> verdicts, Group group) {

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

    /**
     * A group tour's answer as a whole: the regime it was counted for, the travellers who count towards it, and the
     * group rules it breaks (GROUP_SIZE, AGENCY_NOT_AUTHORISED), none when {@code met}.
     */
    public record Group(String policyId, boolean met, List<String> counted, List<Reason> broken) {

        public Group {
            counted = counted == null ? List.of() : List.copyOf(counted);
            broken = broken == null ? List.of() : List.copyOf(broken);
        }
    }

    /** A reason code such as STAY_TOO_LONG with a sentence for people. */
    public record Reason(String code, String message) {
    }
}
