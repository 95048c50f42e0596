package travel.amur.visa.eligibility.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import travel.amur.visa.policy.model.Conditions;
import travel.amur.visa.policy.model.DayCounting;
import travel.amur.visa.policy.model.Policy;
import travel.amur.visa.policy.model.PolicyKind;
import travel.amur.visa.policy.model.Purpose;

/**
 * Decides whether a traveller may enter without a visa, from the policies in force: plain Java, no I/O. A traveller is
 * eligible only if some visa-free policy covering their nationality and destination has nothing against the trip;
 * when none does, the answer says so, never eligible by default.
 */
public final class EligibilityRules {

    /** Reasons a traveller can remove by shaping the trip differently (a group, an onward ticket). */
    private static final Set<ReasonCode> ARRANGEABLE = Set.of(ReasonCode.GROUP_SIZE,
            ReasonCode.ONWARD_TRAVEL_REQUIRED, ReasonCode.NOT_A_THIRD_COUNTRY, ReasonCode.AGENCY_NOT_AUTHORISED);

    private EligibilityRules() {
    }

    public static Verdict evaluate(Trip trip, List<Policy> policies) {
        if (trip.citizenComingHome()) {
            return new Verdict(true, null, null, List.of("Enters " + country(trip.destination()) + " as a citizen of "
                    + country(trip.nationality()) + ": no visa or entry policy applies"), List.of(), List.of(), true);
        }
        List<Assessment> visaFree = policies.stream()
                .filter(policy -> policy.kind().visaFree() && policy.covers(trip.nationality(), trip.destination()))
                .map(policy -> new Assessment(policy, objections(policy, trip)))
                .toList();
        if (visaFree.isEmpty()) {
            // Amur holds the regimes between China and Russia, not every country's: say what is unknown, not "no".
            return new Verdict(false, null, null, List.of(), List.of(new Reason(ReasonCode.NO_POLICY,
                    "No entry policy on record for this trip: Amur holds no visa-free regime for citizens of "
                            + country(trip.nationality()) + " entering " + country(trip.destination()) + " with a "
                            + lower(trip.passportType()) + " passport. Verify with " + country(trip.destination())
                            + "'s consulate or IATA Timatic: does the trip need a visa, how long may the traveller stay, "
                            + "how long must the passport stay valid.")),
                    alternatives(trip, policies, null));
        }
        var admitting = visaFree.stream().filter(a -> a.reasons().isEmpty())
                .min(Comparator.comparingInt(a -> a.policy().kind().preference()));
        if (admitting.isPresent()) {
            Policy policy = admitting.get().policy();
            return new Verdict(true, policy, policy.dayCounting().stayDays(trip.entryDate(), trip.exitDate()),
                    conditionsToMeet(policy, trip), List.of(), List.of());
        }
        // None lets the traveller in. Name the one made for this kind of trip, then the one with fewest reasons the
        // traveller cannot arrange away, then fewest reasons, then the plainest regime.
        Comparator<Assessment> closest = Comparator.<Assessment>comparingInt(a -> -fit(a.policy(), trip))
                .thenComparingLong(a -> a.reasons().stream()
                        .filter(reason -> !ARRANGEABLE.contains(reason.code())).count())
                .thenComparingInt(a -> a.reasons().size())
                .thenComparingInt(a -> a.policy().kind().preference());
        Assessment best = visaFree.stream().min(closest).orElseThrow();
        Policy policy = best.policy();
        return new Verdict(false, policy, policy.dayCounting().stayDays(trip.entryDate(), trip.exitDate()),
                conditionsToMeet(policy, trip), best.reasons(), alternatives(trip, policies, policy));
    }

    /**
     * How well a policy is made for the shape of the trip: transit for a transit, group travel for a group (2); the
     * plain regime for any trip (1); otherwise 0, and such a policy is offered as an alternative rather than named.
     */
    private static int fit(Policy policy, Trip trip) {
        if (!policy.passportTypes().contains(trip.passportType())) {
            // A regime for other passports (diplomats', say) is not this traveller's, however close it comes.
            return -1;
        }
        return switch (policy.kind()) {
            case VISA_FREE -> 1;
            case VISA_FREE_TRANSIT -> trip.purpose() == Purpose.TRANSIT || trip.onwardCountry() != null ? 2 : 0;
            case GROUP_VISA_FREE -> trip.groupSize() != null ? 2 : 0;
            case E_VISA -> 0;
        };
    }

    /** Everything that stands between this trip and this policy; empty when the policy lets the traveller in. */
    static List<Reason> objections(Policy policy, Trip trip) {
        List<Reason> reasons = new ArrayList<>();
        if (!policy.openOn(trip.entryDate())) {
            reasons.add(new Reason(ReasonCode.OUTSIDE_POLICY_WINDOW, policy.title() + " applies to entries "
                    + window(policy) + "; an entry on " + trip.entryDate() + " is outside it."));
        }
        if (!policy.passportTypes().contains(trip.passportType())) {
            reasons.add(new Reason(ReasonCode.PASSPORT_TYPE_NOT_COVERED, "A " + lower(trip.passportType())
                    + " passport is not covered; only " + list(policy.passportTypes()) + "."));
        }
        if (!policy.purposes().contains(trip.purpose())) {
            reasons.add(new Reason(ReasonCode.PURPOSE_NOT_COVERED, lowerFirst(trip.purpose()) + " is not a purpose "
                    + "this policy covers (" + list(policy.purposes()) + "); it needs a visa."));
        }
        int stay = policy.dayCounting().stayDays(trip.entryDate(), trip.exitDate());
        if (stay > policy.maxStayDays()) {
            reasons.add(new Reason(ReasonCode.STAY_TOO_LONG, "The stay counts " + stay + " days as this policy counts"
                    + " them (" + counting(policy) + "); at most " + policy.maxStayDays() + " are allowed."));
        }
        Conditions conditions = policy.conditions();
        if (trip.passportExpiry() != null && trip.passportExpiry().isBefore(trip.exitDate())) {
            reasons.add(new Reason(ReasonCode.PASSPORT_VALIDITY, "The passport expires on " + trip.passportExpiry()
                    + ", before the exit on " + trip.exitDate() + "."));
        } else if (conditions.passportValidityMonthsBeyondExit() != null && trip.passportExpiry() != null) {
            LocalDate validUntil = trip.exitDate().plusMonths(conditions.passportValidityMonthsBeyondExit());
            if (trip.passportExpiry().isBefore(validUntil)) {
                reasons.add(new Reason(ReasonCode.PASSPORT_VALIDITY, "The passport expires on "
                        + trip.passportExpiry() + "; it must be valid until at least " + validUntil + " ("
                        + conditions.passportValidityMonthsBeyondExit() + " months beyond the exit)."));
            }
        }
        if (conditions.onwardTicketToThirdCountry()) {
            if (trip.onwardCountry() == null) {
                reasons.add(new Reason(ReasonCode.ONWARD_TRAVEL_REQUIRED, "Transit needs a confirmed onward ticket "
                        + "to a third country; no onward country was given."));
            } else if (trip.onwardCountry().equals(trip.destination())
                    || trip.onwardCountry().equals(trip.comingFrom())) {
                reasons.add(new Reason(ReasonCode.NOT_A_THIRD_COUNTRY, "Flying on to "
                        + country(trip.onwardCountry()) + " is not a transit: the onward country must differ from "
                        + country(trip.comingFrom()) + " and " + country(trip.destination()) + "."));
            }
        }
        if (conditions.authorisedAgencyOnly() && Boolean.FALSE.equals(trip.agencyAuthorisedForGroups())) {
            reasons.add(new Reason(ReasonCode.AGENCY_NOT_AUTHORISED, policy.title() + " is open only to travel "
                    + "agencies on the lists China and Russia exchange; the booking agency is not authorised for group "
                    + "tours (operations record the authorisation per agency)."));
        }
        if (conditions.minGroupSize() != null || conditions.maxGroupSize() != null) {
            int min = conditions.minGroupSize() == null ? 1 : conditions.minGroupSize();
            int max = conditions.maxGroupSize() == null ? Integer.MAX_VALUE : conditions.maxGroupSize();
            if (trip.groupSize() == null || trip.groupSize() < min || trip.groupSize() > max) {
                reasons.add(new Reason(ReasonCode.GROUP_SIZE, "This policy is for groups of " + min + " to " + max
                        + (trip.groupSize() == null ? "; the traveller is not in a group."
                                : "; the group has " + trip.groupSize() + ".")));
            }
        }
        return reasons;
    }

    private static List<String> conditionsToMeet(Policy policy, Trip trip) {
        List<String> conditions = new ArrayList<>(policy.conditions().documents());
        if (policy.conditions().permittedArea() != null) {
            conditions.add("Stay within: " + policy.conditions().permittedArea());
        }
        if (policy.conditions().authorisedAgencyOnly() && trip.agencyAuthorisedForGroups() == null) {
            conditions.add("Travel with an agency on the lists China and Russia exchange");
        }
        String registration = policy.conditions().registration().get(trip.destination());
        if (registration != null) {
            conditions.add(registration);
        }
        if (policy.kind().visaFree()) {
            conditions.add("Leave " + country(trip.destination()) + " by " + lastDay(policy, trip.entryDate()));
        }
        if (!policy.placeholders().isEmpty()) {
            conditions.add("Not given by this policy's sources (placeholder, verify before travel): "
                    + String.join(", ", policy.placeholders()));
        }
        return conditions;
    }

    /** Other policies this trip could use: an e-visa, or a visa-free way open if the trip is arranged for it. */
    private static List<Alternative> alternatives(Trip trip, List<Policy> policies, Policy reported) {
        List<Alternative> alternatives = new ArrayList<>();
        for (Policy policy : policies) {
            if (policy == reported || !policy.covers(trip.nationality(), trip.destination())) {
                continue;
            }
            List<Reason> against = objections(policy, trip);
            boolean reachable = against.stream().allMatch(reason -> ARRANGEABLE.contains(reason.code()));
            if (reachable) {
                alternatives.add(new Alternative(policy.id(), policy.title(), policy.kind(), summary(policy),
                        policy.sources()));
            }
        }
        return alternatives;
    }

    private static String summary(Policy policy) {
        Conditions c = policy.conditions();
        return switch (policy.kind()) {
            case E_VISA -> "Apply for an electronic visa: stays of up to " + policy.maxStayDays() + " days. "
                    + String.join(" ", c.documents());
            case VISA_FREE_TRANSIT -> "Visa-free transit of up to " + policy.maxStayDays() + " days with a confirmed "
                    + "onward ticket to a third country.";
            case GROUP_VISA_FREE -> "Visa-free as a group of " + c.minGroupSize() + " to " + c.maxGroupSize()
                    + " with an authorised agency, up to " + policy.maxStayDays() + " days.";
            case VISA_FREE -> "Visa-free for up to " + policy.maxStayDays() + " days.";
        };
    }

    private static LocalDate lastDay(Policy policy, LocalDate entry) {
        return policy.dayCounting() == DayCounting.CALENDAR_DAYS
                ? entry.plusDays(policy.maxStayDays() - 1L)
                : entry.plusDays(policy.maxStayDays());
    }

    private static String window(Policy policy) {
        return "from " + policy.entryFrom() + (policy.entryTo() == null ? " on" : " to " + policy.entryTo());
    }

    private static String counting(Policy policy) {
        return policy.dayCounting() == DayCounting.CALENDAR_DAYS
                ? "entry and exit days both count"
                : "from 00:00 of the day after entry";
    }

    private static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private static String list(Set<? extends Enum<?>> values) {
        return values.stream().map(EligibilityRules::lower).sorted().reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String lowerFirst(Enum<?> value) {
        String text = lower(value);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private record Assessment(Policy policy, List<Reason> reasons) {
    }
}
