package travel.amur.common.contract.visa;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Command: check whether each traveller may enter {@code destination} for the trip. Carries no passport numbers or
 * names: the visa rules do not need them.
 *
 * @param groupTour the travellers go as one group tour, to be checked under the group regime together (absent:
 *         false, as before this field existed)
 * @param agencyAuthorisedForGroups whether the booking agency is authorised for group tours (absent: not known)
 */
@EventType("travel.amur.visa.CheckVisas.v1")
public record CheckVisas(UUID checkId, UUID bookingId, String destination, String purpose, LocalDate entryDate,
        LocalDate exitDate, String onwardCountry, List<Traveller> travellers, Boolean groupTour,
        Boolean agencyAuthorisedForGroups) {

    public CheckVisas {
        Objects.requireNonNull(checkId, "checkId");
        travellers = travellers == null ? List.of() : List.copyOf(travellers);
    }

    public boolean asGroup() {
        return Boolean.TRUE.equals(groupTour);
    }

    /** What the rules need to know of one traveller. */
    public record Traveller(String travellerId, String nationality, String passportType, LocalDate passportExpiry) {
    }
}
