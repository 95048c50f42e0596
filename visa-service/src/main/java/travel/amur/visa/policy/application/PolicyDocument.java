package travel.amur.visa.policy.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import travel.amur.visa.policy.model.Conditions;
import travel.amur.visa.policy.model.DayCounting;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.PolicyKind;
import travel.amur.visa.policy.model.PolicyStatus;
import travel.amur.visa.policy.model.Purpose;

/**
 * A policy as operations write it and as it is stored: everything but its id and version.
 *
 * @param status ACTIVE (default) or RETIRED
 * @param placeholders names of the fields no source gives yet, shown with the policy and its answers
 */
public record PolicyDocument(String title, PolicyKind kind, PolicyStatus status, List<String> nationalities,
        List<String> destinations, List<PassportType> passportTypes, List<Purpose> purposes, Integer maxStayDays,
        DayCounting dayCounting, LocalDate entryFrom, LocalDate entryTo, Conditions conditions, List<String> sources,
        String notes, List<String> placeholders) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A field of the document and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new Problem("title", "is required"));
        }
        if (kind == null) {
            problems.add(new Problem("kind", "is required: one of " + Arrays.toString(PolicyKind.values())));
        }
        countries("nationalities", nationalities, problems);
        countries("destinations", destinations, problems);
        if (passportTypes == null || passportTypes.isEmpty()) {
            problems.add(new Problem("passportTypes", "needs at least one passport type"));
        }
        if (purposes == null || purposes.isEmpty()) {
            problems.add(new Problem("purposes", "needs at least one purpose"));
        }
        if (maxStayDays == null || maxStayDays < 1 || maxStayDays > 366) {
            problems.add(new Problem("maxStayDays", "must be 1 to 366"));
        }
        if (dayCounting == null) {
            problems.add(new Problem("dayCounting", "is required: one of " + Arrays.toString(DayCounting.values())));
        }
        if (entryFrom == null) {
            problems.add(new Problem("entryFrom", "is required"));
        } else if (entryTo != null && entryTo.isBefore(entryFrom)) {
            problems.add(new Problem("entryTo", "must not be before entryFrom"));
        }
        if (sources == null || sources.isEmpty() || sources.stream().anyMatch(s -> s == null || s.isBlank())) {
            problems.add(new Problem("sources", "a policy needs at least one source"));
        }
        if (conditions != null && conditions.minGroupSize() != null && conditions.maxGroupSize() != null
                && conditions.minGroupSize() > conditions.maxGroupSize()) {
            problems.add(new Problem("conditions.maxGroupSize", "must not be below minGroupSize"));
        }
        return problems;
    }

    private static void countries(String field, List<String> codes, List<Problem> problems) {
        if (codes == null || codes.isEmpty()) {
            problems.add(new Problem(field, "needs at least one ISO 3166 alpha-2 country code"));
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || !COUNTRIES.contains(codes.get(i))) {
                problems.add(new Problem(field + "[" + i + "]", "'" + codes.get(i) + "' is not an ISO 3166 alpha-2 code"));
            }
        }
    }

    public Policy toPolicy(String id, int version) {
        return new Policy(id, version, status == null ? PolicyStatus.ACTIVE : status, title, kind,
                Set.copyOf(nationalities), Set.copyOf(destinations), Set.copyOf(passportTypes), Set.copyOf(purposes),
                maxStayDays, dayCounting, entryFrom, entryTo, conditions, sources, notes, placeholders);
    }

    public static PolicyDocument of(Policy policy) {
        return new PolicyDocument(policy.title(), policy.kind(), policy.status(), sorted(policy.nationalities()),
                sorted(policy.destinations()), policy.passportTypes().stream().sorted().toList(),
                policy.purposes().stream().sorted().toList(), policy.maxStayDays(), policy.dayCounting(),
                policy.entryFrom(), policy.entryTo(), policy.conditions(), policy.sources(), policy.notes(),
                policy.placeholders().isEmpty() ? null : policy.placeholders());
    }

    public PolicyDocument withStatus(PolicyStatus newStatus) {
        return new PolicyDocument(title, kind, newStatus, nationalities, destinations, passportTypes, purposes,
                maxStayDays, dayCounting, entryFrom, entryTo, conditions, sources, notes, placeholders);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
