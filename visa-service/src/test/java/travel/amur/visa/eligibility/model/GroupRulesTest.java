package travel.amur.visa.eligibility.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.Purpose;

/**
 * Groups against the seed policies, in January 2027 when neither 30-day regime is open (as seeded): only travellers
 * who qualify under the group agreement count towards its 5 to 50, the others are answered on their own, and the
 * group's agency must be authorised.
 */
class GroupRulesTest {

    static final List<Policy> SEED = SeedPolicies.load();
    static final String GROUP = "CN-RU-GROUP-2000";

    /** A traveller of a test group: nationality and passport. */
    record Who(String nationality, PassportType passport) {
    }

    /** A case: the group, its agency, and what the answers must be. */
    record Case(String name, String destination, List<Who> group, Boolean authorised, List<Integer> counted,
            boolean groupRulesMet, List<Integer> eligible, String ruleBroken) {

        List<GroupRules.Member> members() {
            List<GroupRules.Member> members = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                members.add(new GroupRules.Member("t" + i, new Trip(group.get(i).nationality(), destination,
                        group.get(i).passport(), Purpose.TOURISM, LocalDate.parse("2027-01-06"),
                        LocalDate.parse("2027-01-09"), null, null, null, null, null, authorised)));
            }
            return members;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Who> times(int count, String nationality, PassportType passport) {
        return Stream.generate(() -> new Who(nationality, passport)).limit(count).toList();
    }

    static List<Who> plus(List<Who> first, List<Who> second) {
        List<Who> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static List<Integer> range(int from, int to) {
        return Stream.iterate(from, i -> i < to, i -> i + 1).toList();
    }

    static Stream<Arguments> cases() {
        PassportType ordinary = PassportType.ORDINARY;
        List<Who> sixRussians = times(6, "RU", ordinary);
        return Stream.of(
                new Case("6 Russians with an authorised agency travel as a group", "CN", sixRussians, true,
                        range(0, 6), true, range(0, 6), null),
                new Case("6 Russians with an unauthorised agency are refused, naming the authorisation", "CN",
                        sixRussians, false, range(0, 6), false, List.of(), "an authorised agency"),
                new Case("4 Russians and a Chinese citizen are a group of 4, and the citizen needs no visa", "CN",
                        plus(times(4, "RU", ordinary), times(1, "CN", ordinary)), true, range(0, 4), false,
                        List.of(4), "group size 5 to 50"),
                new Case("5 Russians and a Chinese citizen are a group of 5", "CN",
                        plus(times(5, "RU", ordinary), times(1, "CN", ordinary)), true, range(0, 5), true,
                        range(0, 6), null),
                new Case("3 Russians and 3 Kazakhs are a group of 3; the Kazakhs have no policy on record", "CN",
                        plus(times(3, "RU", ordinary), times(3, "KZ", ordinary)), true, range(0, 3), false,
                        List.of(), "group size 5 to 50"),
                new Case("4 ordinary passports and a diplomat are a group of 4; the diplomat is visa-free anyway",
                        "CN", plus(times(4, "RU", ordinary), times(1, "RU", PassportType.DIPLOMATIC)), true,
                        range(0, 4), false, List.of(4), "group size 5 to 50"),
                new Case("50 Chinese into Russia are the largest group", "RU", times(50, "CN", ordinary), true,
                        range(0, 50), true, range(0, 50), null),
                new Case("51 Chinese into Russia are one too many", "RU", times(51, "CN", ordinary), true,
                        range(0, 51), false, List.of(), "group size 5 to 50")
        ).map(Arguments::of);
    }

    @org.junit.jupiter.api.Test
    void when_every_member_may_enter_on_their_own_the_group_rules_refuse_nobody() {
        // Spring 2026: the trial is open, so an unauthorised agency's group of 6 travels on the 30-day regime.
        List<GroupRules.Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(new GroupRules.Member("t" + i, new Trip("RU", "CN", PassportType.ORDINARY, Purpose.TOURISM,
                    LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-07"), null, null, null, null, null,
                    false)));
        }

        GroupRules.GroupVerdict verdict = GroupRules.evaluate(members, SEED);

        assertThat(verdict.allEligible()).isTrue();
        assertThat(verdict.members()).allSatisfy(m -> assertThat(m.verdict().policy().id())
                .isEqualTo("CN-RU-VISA-FREE-TRIAL"));
        assertThat(verdict.rules()).anyMatch(rule -> !rule.met());
        assertThat(verdict.broken()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_group_is_counted_by_who_qualifies_and_answered_per_traveller_and_as_a_group(Case c) {
        GroupRules.GroupVerdict verdict = GroupRules.evaluate(c.members(), SEED);

        assertThat(verdict.policyId()).isEqualTo(GROUP);
        assertThat(verdict.counted()).as("counted towards the group")
                .containsExactlyElementsOf(c.counted().stream().map(i -> "t" + i).toList());
        assertThat(verdict.broken().isEmpty()).as("group rules met").isEqualTo(c.groupRulesMet());
        if (c.ruleBroken() != null) {
            assertThat(verdict.broken()).extracting(GroupRules.GroupRule::rule).contains(c.ruleBroken());
        }
        assertThat(verdict.members().stream().filter(m -> m.verdict().eligible()).map(GroupRules.MemberVerdict::travellerId))
                .as("eligible travellers").containsExactlyElementsOf(c.eligible().stream().map(i -> "t" + i).toList());
        assertThat(verdict.notCounted()).hasSize(c.group().size() - c.counted().size())
                .allSatisfy(notCounted -> assertThat(notCounted.why()).isNotBlank());
    }
}
