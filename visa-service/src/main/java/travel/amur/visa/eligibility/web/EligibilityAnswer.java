package travel.amur.visa.eligibility.web;

import java.time.LocalDate;
import java.util.List;
import travel.amur.visa.eligibility.model.Verdict;
import travel.amur.visa.policy.model.Policy;

/**
 * The answer as agencies read it: the policy applied (id, title, version, window) and its sources; {@code citizen}
 * when the traveller enters their own country (no policy applies); {@code placeholders} the policy's fields no source
 * gives yet.
 */
record EligibilityAnswer(boolean eligible, boolean citizen, String policyId, Integer policyVersion, String title,
        String kind, Integer maxStayDays, Integer stayDays, String dayCounting, LocalDate entryFrom, LocalDate entryTo,
        List<String> conditions, List<ReasonView> reasons, List<AlternativeView> alternatives, List<String> sources,
        List<String> placeholders) {

    /** Why not, as a code and a sentence. */
    record ReasonView(String code, String message) {
    }

    /** Another way in. */
    record AlternativeView(String policyId, String title, String kind, String summary, List<String> sources) {
    }

    static EligibilityAnswer of(Verdict verdict) {
        Policy p = verdict.policy();
        return new EligibilityAnswer(verdict.eligible(), verdict.citizen(), p == null ? null : p.id(),
                p == null ? null : p.version(),
                p == null ? null : p.title(), p == null ? null : p.kind().name(),
                p == null ? null : p.maxStayDays(), verdict.stayDays(),
                p == null ? null : p.dayCounting().name(), p == null ? null : p.entryFrom(),
                p == null ? null : p.entryTo(), verdict.conditions(),
                verdict.reasons().stream().map(r -> new ReasonView(r.code().name(), r.message())).toList(),
                verdict.alternatives().stream().map(a -> new AlternativeView(a.policyId(), a.title(), a.kind().name(),
                        a.summary(), a.sources())).toList(),
                verdict.sources(), p == null ? List.of() : p.placeholders());
    }
}
