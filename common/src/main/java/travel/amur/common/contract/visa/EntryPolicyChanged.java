package travel.amur.common.contract.visa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Operations narrowed an entry policy (a shorter entry window or stay) or retired it; the trips that relied on it
 * for their dates are disrupted.
 *
 * @param change NARROWED or RETIRED
 * @param kind VISA_FREE, VISA_FREE_TRANSIT or GROUP_VISA_FREE: who relies on it (a group tour on the group regime)
 * @param entryTo the new last day of entry, null when there is none
 */
@EventType("travel.amur.visa.EntryPolicyChanged.v1")
public record EntryPolicyChanged(UUID changeId, String policyId, int version, String change, String kind,
        List<String> nationalities, List<String> destinations, LocalDate previousEntryFrom,
        LocalDate previousEntryTo, LocalDate entryFrom, LocalDate entryTo, int previousMaxStayDays, int maxStayDays,
        Instant at) {
}
