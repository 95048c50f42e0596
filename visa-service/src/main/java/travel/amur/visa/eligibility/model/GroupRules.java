package travel.amur.visa.eligibility.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import travel.amur.visa.policy.model.Conditions;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.PolicyKind;

/**
 * Answers for a group travelling together. Only members who qualify under the group regime (nationality, passport
 * type, purpose, dates) count towards its size; a citizen coming home, a diplomat or a traveller of another country
 * travels with the group but is answered on their own. The group answer says which members count, which do not and
 * why, and whether the regime's group rules (size, an authorised agency) are met.
 */
public final class GroupRules {

    /** What a member may fail that belongs to the group, not to them: its size, its agency. */
    private static final Set<ReasonCode> GROUP_LEVEL = Set.of(ReasonCode.GROUP_SIZE, ReasonCode.AGENCY_NOT_AUTHORISED);

    private GroupRules() {
    }

    /** A traveller of the group, by the id the agency gave them. */
    public record Member(String travellerId, Trip trip) {
    }

    /**
     * One rule about the group: which policy sets it, whether the group meets it, and what it means.
     *
     * @param code the reason a broken rule gives (GROUP_SIZE, AGENCY_NOT_AUTHORISED); null for a rule to follow
     */
    public record GroupRule(String policyId, String rule, ReasonCode code, boolean met, String message) {
    }

    /** A member the group regime does not count, and why. */
    public record NotCounted(String travellerId, String why) {
    }

    /**
     * Each member's verdict and the group's.
     *
     * @param policyId the group regime the members were counted for, null when none concerns them
     * @param counted the members who qualify under it and make up its group size
     */
    public record GroupVerdict(List<MemberVerdict> members, boolean allEligible, List<String> ineligible,
            List<GroupRule> rules, String policyId, List<String> counted, List<NotCounted> notCounted) {

        /**
         * The group rules not met (the size, the agency's authorisation) where they matter: some member counted for
         * the group regime may enter by no other way. When everyone may enter on their own (a 30-day regime, say),
         * the group's rules refuse nobody.
         */
        public List<GroupRule> broken() {
            boolean someoneRelies = members.stream().anyMatch(m -> !m.verdict().eligible()
                    && counted.contains(m.travellerId()));
            return someoneRelies ? rules.stream().filter(rule -> !rule.met()).toList() : List.of();
        }
    }

    /** One member's verdict. */
    public record MemberVerdict(String travellerId, Verdict verdict) {
    }

    public static GroupVerdict evaluate(List<Member> members, List<Policy> policies) {
        Optional<Counting> counting = policies.stream()
                .filter(policy -> policy.kind() == PolicyKind.GROUP_VISA_FREE)
                .map(policy -> count(policy, members))
                .filter(c -> !c.counted().isEmpty() || !c.notCounted().isEmpty())
                .max(Comparator.comparingInt(c -> c.counted().size()));
        List<MemberVerdict> verdicts = new ArrayList<>();
        for (Member member : members) {
            boolean counts = counting.map(c -> c.counted().contains(member.travellerId())).orElse(false);
            Trip trip = counts ? member.trip().inGroupOf(counting.get().counted().size()) : member.trip().alone();
            verdicts.add(new MemberVerdict(member.travellerId(), EligibilityRules.evaluate(trip, policies)));
        }
        List<String> ineligible = verdicts.stream().filter(v -> !v.verdict().eligible())
                .map(MemberVerdict::travellerId).toList();
        List<GroupRule> rules = counting.map(c -> rules(c, members, verdicts)).orElse(List.of());
        return new GroupVerdict(verdicts, ineligible.isEmpty(), ineligible, rules,
                counting.map(c -> c.policy().id()).orElse(null),
                counting.map(Counting::counted).orElse(List.of()),
                counting.map(Counting::notCounted).orElse(List.of()));
    }

    /** Who of the group this regime would let in were it not for the group's size and agency. */
    private static Counting count(Policy policy, List<Member> members) {
        List<String> counted = new ArrayList<>();
        List<NotCounted> notCounted = new ArrayList<>();
        boolean concerns = members.stream().anyMatch(m -> policy.nationalities().contains(m.trip().nationality())
                && policy.destinations().contains(m.trip().destination()));
        if (!concerns) {
            return new Counting(policy, counted, notCounted);
        }
        for (Member member : members) {
            Trip trip = member.trip();
            if (trip.citizenComingHome()) {
                notCounted.add(new NotCounted(member.travellerId(), "a citizen of " + country(trip.nationality())
                        + " entering " + country(trip.destination()) + " is not a visitor"));
            } else if (!policy.covers(trip.nationality(), trip.destination())) {
                notCounted.add(new NotCounted(member.travellerId(), policy.title() + " does not cover citizens of "
                        + country(trip.nationality())));
            } else {
                List<Reason> own = EligibilityRules.objections(policy, trip.inGroupOf(minimum(policy))).stream()
                        .filter(reason -> !GROUP_LEVEL.contains(reason.code())).toList();
                if (own.isEmpty()) {
                    counted.add(member.travellerId());
                } else {
                    notCounted.add(new NotCounted(member.travellerId(), own.stream().map(Reason::message)
                            .reduce((a, b) -> a + " " + b).orElse("")));
                }
            }
        }
        return new Counting(policy, counted, notCounted);
    }

    private static List<GroupRule> rules(Counting counting, List<Member> members, List<MemberVerdict> verdicts) {
        Policy policy = counting.policy();
        Conditions c = policy.conditions();
        int size = counting.counted().size();
        List<GroupRule> rules = new ArrayList<>();
        boolean sizeMet = (c.minGroupSize() == null || size >= c.minGroupSize())
                && (c.maxGroupSize() == null || size <= c.maxGroupSize());
        String notCounted = counting.notCounted().isEmpty() ? ""
                : "; not counted: " + counting.notCounted().stream()
                        .map(n -> n.travellerId() + " (" + n.why() + ")").reduce((a, b) -> a + ", " + b).orElse("");
        rules.add(new GroupRule(policy.id(), "group size " + c.minGroupSize() + " to " + c.maxGroupSize(),
                ReasonCode.GROUP_SIZE, sizeMet,
                size + " of the " + members.size() + " travellers qualify under " + policy.title() + notCounted + "."));
        if (c.authorisedAgencyOnly()) {
            Boolean authorised = members.isEmpty() ? null : members.get(0).trip().agencyAuthorisedForGroups();
            rules.add(new GroupRule(policy.id(), "an authorised agency", ReasonCode.AGENCY_NOT_AUTHORISED,
                    !Boolean.FALSE.equals(authorised),
                    authorised == null ? "Only agencies on the lists China and Russia exchange may send the group."
                            : authorised ? "The booking agency is authorised for group tours."
                            : "The booking agency is not authorised for group tours: only agencies on the lists China"
                                    + " and Russia exchange may send a group under this agreement."));
        }
        boolean relied = verdicts.stream().anyMatch(v -> v.verdict().eligible() && v.verdict().policy() != null
                && v.verdict().policy().id().equals(policy.id()));
        if (relied) {
            rules.add(new GroupRule(policy.id(), "enter and leave together", null, true,
                    "Travellers entering under this policy must cross the border together with the group's "
                            + "escort, on a list the authorised agency sends in advance."));
        }
        return rules;
    }

    private static int minimum(Policy policy) {
        return policy.conditions().minGroupSize() == null ? 1 : policy.conditions().minGroupSize();
    }

    private static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private record Counting(Policy policy, List<String> counted, List<NotCounted> notCounted) {
    }
}
