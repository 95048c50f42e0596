package travel.amur.visa.eligibility.model;

import java.util.ArrayList;
import java.util.List;
import travel.amur.visa.policy.model.Conditions;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.PolicyKind;

/**
 * Answers for a group travelling together: each traveller as a member of a group of that size, and the rules that
 * bind the group as a whole.
 */
public final class GroupRules {

    private GroupRules() {
    }

    /** A traveller of the group, by the id the agency gave them. */
    public record Member(String travellerId, Trip trip) {
    }

    /** One rule about the group: which policy sets it, whether the group meets it, and what it means. */
    public record GroupRule(String policyId, String rule, boolean met, String message) {
    }

    /** Each member's verdict and the group's. */
    public record GroupVerdict(List<MemberVerdict> members, boolean allEligible, List<String> ineligible,
            List<GroupRule> rules) {
    }

    /** One member's verdict. */
    public record MemberVerdict(String travellerId, Verdict verdict) {
    }

    public static GroupVerdict evaluate(List<Member> members, List<Policy> policies) {
        int size = members.size();
        List<MemberVerdict> verdicts = members.stream()
                .map(member -> new MemberVerdict(member.travellerId(), EligibilityRules.evaluate(
                        member.trip().groupSize() == null ? member.trip().inGroupOf(size) : member.trip(), policies)))
                .toList();
        List<String> ineligible = verdicts.stream().filter(v -> !v.verdict().eligible())
                .map(MemberVerdict::travellerId).toList();
        return new GroupVerdict(verdicts, ineligible.isEmpty(), ineligible, groupRules(members, verdicts, policies));
    }

    private static List<GroupRule> groupRules(List<Member> members, List<MemberVerdict> verdicts,
            List<Policy> policies) {
        List<GroupRule> rules = new ArrayList<>();
        int size = members.size();
        for (Policy policy : policies) {
            boolean concernsGroup = policy.kind() == PolicyKind.GROUP_VISA_FREE && members.stream()
                    .anyMatch(m -> policy.covers(m.trip().nationality(), m.trip().destination()));
            if (!concernsGroup) {
                continue;
            }
            Conditions c = policy.conditions();
            boolean sizeMet = (c.minGroupSize() == null || size >= c.minGroupSize())
                    && (c.maxGroupSize() == null || size <= c.maxGroupSize());
            rules.add(new GroupRule(policy.id(), "group size " + c.minGroupSize() + " to " + c.maxGroupSize(), sizeMet,
                    "The group has " + size + " travellers."));
            boolean relied = verdicts.stream().anyMatch(v -> v.verdict().eligible()
                    && v.verdict().policy().id().equals(policy.id()));
            if (relied) {
                rules.add(new GroupRule(policy.id(), "enter and leave together", true,
                        "Travellers entering under this policy must cross the border together with the group's "
                                + "escort, on a list the authorised agency sends in advance."));
            }
        }
        return rules;
    }
}
