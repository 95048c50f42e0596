package travel.amur.itinerary.planning.model;

import java.util.List;

/**
 * What the visa service said of a draft's travellers: one advice each, and for a group tour the group rules it breaks
 * (its size counted by who qualifies, the agency's authorisation).
 */
public record VisaAnswers(List<VisaAdvice> travellers, List<VisaAdvice.Reason> groupRulesBroken) {

    public VisaAnswers {
        travellers = List.copyOf(travellers);
        groupRulesBroken = groupRulesBroken == null ? List.of() : List.copyOf(groupRulesBroken);
    }
}
