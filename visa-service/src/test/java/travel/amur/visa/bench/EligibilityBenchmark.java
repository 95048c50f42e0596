package travel.amur.visa.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import travel.amur.visa.eligibility.model.EligibilityRules;
import travel.amur.visa.eligibility.model.SeedPolicies;
import travel.amur.visa.eligibility.model.Trip;
import travel.amur.visa.eligibility.model.Verdict;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.Purpose;

/**
 * What evaluating one traveller costs: against the seed policies, for an eligible trip and for an ineligible one
 * (which also looks for alternatives). Run with {@code deploy/bench/visa-rules.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EligibilityBenchmark {

    private final List<Policy> policies = SeedPolicies.load();
    private final Trip eligible = new Trip("RU", "CN", PassportType.ORDINARY, Purpose.TOURISM,
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), LocalDate.of(2031, 1, 1), null, null, null, null);
    private final Trip ineligible = new Trip("RU", "CN", PassportType.ORDINARY, Purpose.TOURISM,
            LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 9), LocalDate.of(2031, 1, 1), null, null, null, null);

    @Benchmark
    public Verdict eligibleTraveller() {
        return EligibilityRules.evaluate(eligible, policies);
    }

    @Benchmark
    public Verdict ineligibleTravellerWithAlternatives() {
        return EligibilityRules.evaluate(ineligible, policies);
    }
}
