package travel.amur.common.contract.visa;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import travel.amur.common.event.EventType;

/**
 * Command: check whether each traveller may enter {@code destination} for the trip. Carries no passport numbers or
 * names: the visa rules do not need them.
 */
@EventType("travel.amur.visa.CheckVisas.v1")
public record CheckVisas(UUID checkId, UUID bookingId, String destination, String purpose, LocalDate entryDate,
        LocalDate exitDate, String onwardCountry, List<Traveller> travellers) {

    public CheckVisas {
        Objects.requireNonNull(checkId, "checkId");
        travellers = travellers == null ? List.of() : List.copyOf(travellers);
    }

    /** What the rules need to know of one traveller. */
    public record Traveller(String travellerId, String nationality, String passportType, LocalDate passportExpiry) {
    }
}
