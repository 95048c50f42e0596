package travel.amur.visa.eligibility.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.Purpose;

/**
 * The rules against the seed policies, case by case: every policy, both sides of each stay limit and window edge,
 * passport validity, each purpose, transit with and without a third country, group sizes at and beyond the bounds.
 */
class EligibilityRulesTest {

    static final List<Policy> SEED = SeedPolicies.load();

    /** A case: who goes where, when, why; and what the answer must be. */
    record Case(String name, String nationality, String destination, PassportType passport, Purpose purpose,
            String entry, String exit, String passportExpiry, String onward, Integer group,
            boolean eligible, String policyId, ReasonCode reason, Boolean agencyAuthorised) {

        Case(String name, String nationality, String destination, PassportType passport, Purpose purpose,
                String entry, String exit, String passportExpiry, String onward, Integer group, boolean eligible,
                String policyId, ReasonCode reason) {
            this(name, nationality, destination, passport, purpose, entry, exit, passportExpiry, onward, group,
                    eligible, policyId, reason, null);
        }

        Trip trip() {
            return new Trip(nationality, destination, passport, purpose, LocalDate.parse(entry), LocalDate.parse(exit),
                    passportExpiry == null ? null : LocalDate.parse(passportExpiry), onward, null, null, group,
                    agencyAuthorised);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case yes(String name, String nat, String dest, Purpose purpose, String entry, String exit, String policy) {
        return new Case(name, nat, dest, PassportType.ORDINARY, purpose, entry, exit, null, null, null, true, policy,
                null);
    }

    static Case no(String name, String nat, String dest, Purpose purpose, String entry, String exit, String policy,
            ReasonCode reason) {
        return new Case(name, nat, dest, PassportType.ORDINARY, purpose, entry, exit, null, null, null, false, policy,
                reason);
    }

    static Stream<Arguments> cases() {
        String trial = "CN-RU-VISA-FREE-TRIAL";
        String russia = "RU-CN-VISA-FREE";
        String transit = "CN-240H-TRANSIT";
        String group = "CN-RU-GROUP-2000";
        String official = "CN-RU-DIPLOMATIC-SERVICE";
        String hongKong = "HK-RU-VISA-FREE";
        String macau = "MO-RU-VISA-FREE";
        Purpose tour = Purpose.TOURISM;
        return Stream.of(
                // China's 30-day trial for Russians: window edges 2025-09-15 .. 2026-09-14.
                no("trial: the day before the window opens", "RU", "CN", tour, "2025-09-14", "2025-09-20", trial,
                        ReasonCode.OUTSIDE_POLICY_WINDOW),
                yes("trial: the day the window opens", "RU", "CN", tour, "2025-09-15", "2025-09-20", trial),
                yes("trial: the last day of the window", "RU", "CN", tour, "2026-09-14", "2026-09-20", trial),
                no("trial: the day after the window closes", "RU", "CN", tour, "2026-09-15", "2026-09-20", trial,
                        ReasonCode.OUTSIDE_POLICY_WINDOW),
                // 30 days counted from 00:00 of the day after entry.
                yes("trial: 30 days counted from the day after entry", "RU", "CN", tour, "2026-01-01", "2026-01-31",
                        trial),
                no("trial: 31 days is one too many", "RU", "CN", tour, "2026-01-01", "2026-02-01", trial,
                        ReasonCode.STAY_TOO_LONG),
                // Each purpose.
                yes("trial: business", "RU", "CN", Purpose.BUSINESS, "2026-03-01", "2026-03-05", trial),
                yes("trial: visiting family", "RU", "CN", Purpose.FAMILY, "2026-03-01", "2026-03-05", trial),
                yes("trial: exchange visit", "RU", "CN", Purpose.EXCHANGE, "2026-03-01", "2026-03-05", trial),
                yes("trial: transit", "RU", "CN", Purpose.TRANSIT, "2026-03-01", "2026-03-05", trial),
                no("trial: work needs a visa", "RU", "CN", Purpose.WORK, "2026-03-01", "2026-03-05", trial,
                        ReasonCode.PURPOSE_NOT_COVERED),
                no("trial: study needs a visa", "RU", "CN", Purpose.STUDY, "2026-03-01", "2026-03-05", trial,
                        ReasonCode.PURPOSE_NOT_COVERED),
                no("trial: journalism needs a visa", "RU", "CN", Purpose.JOURNALISM, "2026-03-01", "2026-03-05",
                        trial, ReasonCode.PURPOSE_NOT_COVERED),
                // Passport types and validity (6 months beyond exit).
                // The trial is for ordinary passports; a service or diplomatic one has the agreement for officials.
                new Case("trial: a service passport is answered by the officials' agreement", "RU", "CN",
                        PassportType.SERVICE, tour, "2026-03-01", "2026-03-05", null, null, null, true,
                        "CN-RU-DIPLOMATIC-SERVICE", null),
                new Case("trial: a diplomatic passport is answered by the officials' agreement", "RU", "CN",
                        PassportType.DIPLOMATIC, tour, "2026-03-01", "2026-03-05", null, null, null, true,
                        "CN-RU-DIPLOMATIC-SERVICE", null),
                new Case("trial: passport valid exactly 6 months beyond exit", "RU", "CN", PassportType.ORDINARY,
                        tour, "2026-03-01", "2026-03-05", "2026-09-05", null, null, true, trial, null),
                new Case("trial: passport valid a day short of 6 months", "RU", "CN", PassportType.ORDINARY, tour,
                        "2026-03-01", "2026-03-05", "2026-09-04", null, null, false, trial,
                        ReasonCode.PASSPORT_VALIDITY),
                new Case("trial: passport expiring during the stay", "RU", "CN", PassportType.ORDINARY, tour,
                        "2026-03-01", "2026-03-05", "2026-03-03", null, null, false, trial,
                        ReasonCode.PASSPORT_VALIDITY),
                // Russia's 30 days for Chinese: window 2025-12-01 .. 2026-09-14, entry and exit days both count.
                no("russia: the day before the window opens", "CN", "RU", tour, "2025-11-30", "2025-12-05", russia,
                        ReasonCode.OUTSIDE_POLICY_WINDOW),
                yes("russia: the day the window opens", "CN", "RU", tour, "2025-12-01", "2025-12-05", russia),
                yes("russia: the last day of the window", "CN", "RU", tour, "2026-09-14", "2026-09-20", russia),
                no("russia: the day after the window closes", "CN", "RU", tour, "2026-09-15", "2026-09-20", russia,
                        ReasonCode.OUTSIDE_POLICY_WINDOW),
                yes("russia: 30 calendar days", "CN", "RU", tour, "2026-03-01", "2026-03-30", russia),
                no("russia: 31 calendar days", "CN", "RU", tour, "2026-03-01", "2026-03-31", russia,
                        ReasonCode.STAY_TOO_LONG),
                yes("russia: sports and cultural events", "CN", "RU", Purpose.EVENTS, "2026-03-01", "2026-03-05",
                        russia),
                no("russia: work needs a visa", "CN", "RU", Purpose.WORK, "2026-03-01", "2026-03-05", russia,
                        ReasonCode.PURPOSE_NOT_COVERED),
                // 240-hour transit (the trial's window has closed by 2027): onward to a third country.
                new Case("transit: onward to Japan within 240 hours", "RU", "CN", PassportType.ORDINARY,
                        Purpose.TRANSIT, "2027-01-06", "2027-01-16", null, "JP", null, true, transit, null),
                new Case("transit: 11 days is beyond 240 hours", "RU", "CN", PassportType.ORDINARY, Purpose.TRANSIT,
                        "2027-01-06", "2027-01-17", null, "JP", null, false, transit, ReasonCode.STAY_TOO_LONG),
                new Case("transit: flying back to Russia is not a transit", "RU", "CN", PassportType.ORDINARY,
                        Purpose.TRANSIT, "2027-01-06", "2027-01-09", null, "RU", null, false, transit,
                        ReasonCode.NOT_A_THIRD_COUNTRY),
                new Case("transit: no onward country", "RU", "CN", PassportType.ORDINARY, Purpose.TRANSIT,
                        "2027-01-06", "2027-01-09", null, null, null, false, transit,
                        ReasonCode.ONWARD_TRAVEL_REQUIRED),
                new Case("transit: passport valid less than 3 months", "RU", "CN", PassportType.ORDINARY,
                        Purpose.TRANSIT, "2027-01-06", "2027-01-09", "2027-03-01", "JP", null, false, transit,
                        ReasonCode.PASSPORT_VALIDITY),
                // The group agreement: 5 to 50 travellers, tourism, 15 calendar days.
                new Case("group: 4 is too few", "RU", "CN", PassportType.ORDINARY, tour, "2027-01-06", "2027-01-09",
                        null, null, 4, false, group, ReasonCode.GROUP_SIZE),
                new Case("group: 5 is enough", "RU", "CN", PassportType.ORDINARY, tour, "2027-01-06", "2027-01-09",
                        null, null, 5, true, group, null),
                new Case("group: 50 is the most", "CN", "RU", PassportType.ORDINARY, tour, "2027-01-06", "2027-01-09",
                        null, null, 50, true, group, null),
                new Case("group: 51 is too many", "CN", "RU", PassportType.ORDINARY, tour, "2027-01-06",
                        "2027-01-09", null, null, 51, false, group, ReasonCode.GROUP_SIZE),
                new Case("group: 15 calendar days", "RU", "CN", PassportType.ORDINARY, tour, "2027-01-06",
                        "2027-01-20", null, null, 10, true, group, null),
                new Case("group: 16 calendar days", "RU", "CN", PassportType.ORDINARY, tour, "2027-01-06",
                        "2027-01-21", null, null, 10, false, group, ReasonCode.STAY_TOO_LONG),
                // The group agreement is for authorised agencies only (the gateway says which one is).
                new Case("group: an authorised agency's group of 6", "RU", "CN", PassportType.ORDINARY, tour,
                        "2027-01-06", "2027-01-09", null, null, 6, true, group, null, true),
                new Case("group: an unauthorised agency's group of 6", "RU", "CN", PassportType.ORDINARY, tour,
                        "2027-01-06", "2027-01-09", null, null, 6, false, group, ReasonCode.AGENCY_NOT_AUTHORISED,
                        false),
                new Case("group: the agency unknown, the authorisation is a condition", "RU", "CN",
                        PassportType.ORDINARY, tour, "2027-01-06", "2027-01-09", null, null, 6, true, group, null),
                // Diplomatic and service passports: the RF-PRC agreement, both ways, up to 30 days.
                new Case("diplomats: a Russian diplomatic passport into China", "RU", "CN", PassportType.DIPLOMATIC,
                        Purpose.BUSINESS, "2027-01-06", "2027-01-20", null, null, null, true, official, null),
                new Case("diplomats: a Chinese service passport into Russia", "CN", "RU", PassportType.SERVICE,
                        Purpose.BUSINESS, "2027-01-06", "2027-01-20", null, null, null, true, official, null),
                new Case("diplomats: 30 calendar days", "RU", "CN", PassportType.SERVICE, Purpose.BUSINESS,
                        "2027-03-01", "2027-03-30", null, null, null, true, official, null),
                new Case("diplomats: 31 calendar days", "RU", "CN", PassportType.SERVICE, Purpose.BUSINESS,
                        "2027-03-01", "2027-03-31", null, null, null, false, official, ReasonCode.STAY_TOO_LONG),
                new Case("diplomats: an ordinary passport gets the plain regime", "RU", "CN", PassportType.ORDINARY,
                        Purpose.BUSINESS, "2026-03-01", "2026-03-05", null, null, null, true, trial, null),
                // Hong Kong and Macau are regimes of their own.
                yes("hong kong: 14 days for Russians", "RU", "HK", tour, "2027-01-06", "2027-01-19", hongKong),
                no("hong kong: 15 days is one too many", "RU", "HK", tour, "2027-01-06", "2027-01-20", hongKong,
                        ReasonCode.STAY_TOO_LONG),
                yes("macau: 30 days for Russians", "RU", "MO", tour, "2027-01-06", "2027-02-04", macau),
                no("macau: before the regime began on 2012-09-30", "RU", "MO", tour, "2012-09-29", "2012-10-02",
                        macau, ReasonCode.OUTSIDE_POLICY_WINDOW),
                // A citizen coming home is no visitor: no policy, no visa.
                new Case("citizens: a Chinese citizen entering China", "CN", "CN", PassportType.ORDINARY, tour,
                        "2027-01-06", "2027-01-09", null, null, null, true, null, null),
                new Case("citizens: a Russian citizen entering Russia in a group", "RU", "RU", PassportType.ORDINARY,
                        tour, "2027-01-06", "2027-01-09", null, null, 6, true, null, null),
                // No policy on record: Amur does not say "a visa is needed", it says it does not know.
                no("no policy: Germans entering China", "DE", "CN", tour, "2027-01-06", "2027-01-09", null,
                        ReasonCode.NO_POLICY),
                no("no policy: Chinese entering Japan", "CN", "JP", tour, "2027-01-06", "2027-01-09", null,
                        ReasonCode.NO_POLICY),
                no("no policy: Kazakhs entering China", "KZ", "CN", tour, "2027-01-06", "2027-01-09", null,
                        ReasonCode.NO_POLICY),
                no("no policy: Chinese entering Hong Kong", "CN", "HK", tour, "2027-01-06", "2027-01-09", null,
                        ReasonCode.NO_POLICY)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_rules_answer_each_case_with_its_policy_and_reason(Case c) {
        Verdict verdict = EligibilityRules.evaluate(c.trip(), SEED);

        assertThat(verdict.eligible()).as("eligible").isEqualTo(c.eligible());
        assertThat(verdict.policy() == null ? null : verdict.policy().id()).as("policy").isEqualTo(c.policyId());
        if (c.eligible() && c.policyId() == null) {
            assertThat(verdict.citizen()).as("a citizen coming home").isTrue();
            assertThat(verdict.reasons()).isEmpty();
        } else if (c.eligible()) {
            assertThat(verdict.reasons()).isEmpty();
            assertThat(verdict.sources()).isNotEmpty();
        } else {
            assertThat(verdict.reasons()).extracting(Reason::code).contains(c.reason());
        }
    }

    @Test
    void a_chinese_traveller_after_the_window_is_pointed_to_the_e_visa_and_group_travel() {
        Verdict verdict = EligibilityRules.evaluate(no("", "CN", "RU", Purpose.TOURISM, "2027-01-06", "2027-01-12",
                null, null).trip(), SEED);

        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OUTSIDE_POLICY_WINDOW);
        assertThat(verdict.alternatives()).extracting(Alternative::policyId)
                .containsExactlyInAnyOrder("RU-E-VISA", "CN-RU-GROUP-2000");
    }

    @Test
    void the_e_visa_is_never_an_answer_of_eligible() {
        Verdict verdict = EligibilityRules.evaluate(yes("", "CN", "RU", Purpose.TOURISM, "2027-06-01", "2027-06-05",
                null).trip(), SEED);

        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.policy().id()).isNotEqualTo("RU-E-VISA");
    }

    @Test
    void an_eligible_answer_counts_the_stay_as_its_policy_does_and_lists_what_to_carry() {
        Verdict verdict = EligibilityRules.evaluate(yes("", "RU", "CN", Purpose.TOURISM, "2026-01-01", "2026-01-31",
                null).trip(), SEED);

        assertThat(verdict.stayDays()).isEqualTo(30);
        assertThat(verdict.conditions()).anyMatch(c -> c.contains("6 months"));
        assertThat(verdict.conditions()).contains("Leave China by 2026-01-31");
    }

    @Test
    void with_no_policy_on_record_the_answer_says_so_and_what_to_verify_never_that_a_visa_is_needed() {
        Verdict verdict = EligibilityRules.evaluate(no("", "KZ", "CN", Purpose.TOURISM, "2027-01-06", "2027-01-09",
                null, null).trip(), SEED);

        assertThat(verdict.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.NO_POLICY);
            assertThat(reason.message()).startsWith("No entry policy on record for this trip")
                    .contains("Kazakhstan").contains("consulate").contains("passport")
                    .doesNotContain("a visa is needed");
        });
    }

    @Test
    void the_duty_to_register_is_among_the_conditions_of_each_thirty_day_regime() {
        Verdict intoChina = EligibilityRules.evaluate(yes("", "RU", "CN", Purpose.TOURISM, "2026-03-01",
                "2026-03-05", null).trip(), SEED);
        Verdict intoRussia = EligibilityRules.evaluate(yes("", "CN", "RU", Purpose.TOURISM, "2026-03-01",
                "2026-03-05", null).trip(), SEED);

        assertThat(intoChina.conditions()).anyMatch(c -> c.contains("within 24 hours") && c.contains("hotel"));
        assertThat(intoRussia.conditions()).anyMatch(c -> c.contains("within 7 working days"));
        assertThat(intoChina.sources()).anyMatch(source -> source.contains("art. 39"));
        assertThat(intoRussia.sources()).anyMatch(source -> source.contains("109-FZ"));
    }

    @Test
    void a_policy_with_facts_no_source_gives_says_so_among_its_conditions() {
        Verdict diplomat = EligibilityRules.evaluate(new Case("", "RU", "CN", PassportType.DIPLOMATIC,
                Purpose.BUSINESS, "2027-01-06", "2027-01-10", null, null, null, true, null, null).trip(), SEED);

        assertThat(diplomat.policy().placeholders()).contains("maxStayDays for diplomatic passports");
        assertThat(diplomat.conditions()).anyMatch(c -> c.startsWith("Not given by this policy's sources"));
    }
}
