package travel.amur.visa.eligibility.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.Purpose;

/** Properties that hold for any trip, checked over many random ones (seeded, so a failure repeats). */
class EligibilityPropertiesTest {

    static final List<Policy> SEED = SeedPolicies.load();
    static final String[] COUNTRIES = {"RU", "CN", "DE", "JP", "KZ", "MN"};

    @RepeatedTest(20)
    void whatever_the_trip_an_eligible_answer_is_backed_by_a_policy_that_fits_it_in_every_respect(
            org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (int i = 0; i < 500; i++) {
            Trip trip = randomTrip(random);

            Verdict verdict = EligibilityRules.evaluate(trip, SEED);

            assertThat(verdict.citizen()).as("only a citizen coming home is answered as one")
                    .isEqualTo(trip.nationality().equals(trip.destination()));
            if (verdict.citizen()) {
                assertThat(verdict.eligible()).isTrue();
                continue;
            }
            if (verdict.eligible()) {
                Policy policy = verdict.policy();
                assertThat(policy.kind().visaFree()).isTrue();
                assertThat(policy.covers(trip.nationality(), trip.destination())).isTrue();
                assertThat(policy.openOn(trip.entryDate())).isTrue();
                assertThat(policy.purposes()).contains(trip.purpose());
                assertThat(policy.passportTypes()).contains(trip.passportType());
                assertThat(verdict.stayDays()).isLessThanOrEqualTo(policy.maxStayDays());
            } else {
                assertThat(verdict.reasons()).isNotEmpty();
            }
            boolean covered = SEED.stream().anyMatch(p -> p.kind().visaFree()
                    && p.covers(trip.nationality(), trip.destination()));
            if (!covered) {
                assertThat(verdict.eligible()).isFalse();
                assertThat(verdict.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NO_POLICY);
            }
        }
    }

    private static Trip randomTrip(Random random) {
        String nationality = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String destination = COUNTRIES[random.nextInt(COUNTRIES.length)];
        LocalDate entry = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(900));
        LocalDate exit = entry.plusDays(random.nextInt(40));
        return new Trip(nationality, destination, PassportType.values()[random.nextInt(3)],
                Purpose.values()[random.nextInt(Purpose.values().length)], entry, exit,
                random.nextBoolean() ? null : exit.plusDays(random.nextInt(400) - 30),
                random.nextBoolean() ? null : COUNTRIES[random.nextInt(COUNTRIES.length)], null, null,
                random.nextBoolean() ? null : 1 + random.nextInt(60));
    }
}
