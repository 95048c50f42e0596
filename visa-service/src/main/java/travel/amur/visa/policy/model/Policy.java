package travel.amur.visa.policy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An entry policy as published: who may enter where, with which passports, for which purposes, for how long, when
 * entering within which window, on which conditions, according to which sources.
 *
 * @param entryTo last day of entry, or null when the policy has no announced end
 * @param placeholders the fields whose values no source gives (a conservative guess until one does), by name
 */
public record Policy(String id, int version, PolicyStatus status, String title, PolicyKind kind,
        Set<String> nationalities, Set<String> destinations, Set<PassportType> passportTypes, Set<Purpose> purposes,
        int maxStayDays, DayCounting dayCounting, LocalDate entryFrom, LocalDate entryTo, Conditions conditions,
        List<String> sources, String notes, List<String> placeholders) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entryFrom, "entryFrom");
        Objects.requireNonNull(dayCounting, "dayCounting");
        nationalities = Set.copyOf(nationalities);
        destinations = Set.copyOf(destinations);
        passportTypes = Set.copyOf(passportTypes);
        purposes = Set.copyOf(purposes);
        sources = List.copyOf(sources);
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
        conditions = conditions == null ? new Conditions(null, false, null, null, null, false, List.of(), Map.of())
                : conditions;
    }

    /** Whether the policy is about citizens of {@code nationality} entering {@code destination} (never one's own). */
    public boolean covers(String nationality, String destination) {
        return status == PolicyStatus.ACTIVE && !nationality.equals(destination)
                && nationalities.contains(nationality) && destinations.contains(destination);
    }

    public boolean openOn(LocalDate entry) {
        return !entry.isBefore(entryFrom) && (entryTo == null || !entry.isAfter(entryTo));
    }
}
