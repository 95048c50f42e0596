package travel.amur.visa.eligibility.model;

import java.time.LocalDate;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Purpose;

/**
 * One traveller's trip, as the rules need it.
 *
 * @param passportExpiry null when not given: the answer then lists validity as a condition to meet
 * @param onwardCountry where the traveller flies on to after the stay, if known
 * @param departureCountry where the traveller comes from; null means their own country
 * @param groupSize how many travel together as a group, if they do
 */
public record Trip(String nationality, String destination, PassportType passportType, Purpose purpose,
        LocalDate entryDate, LocalDate exitDate, LocalDate passportExpiry, String onwardCountry,
        String departureCountry, String portOfEntry, Integer groupSize) {

    public String comingFrom() {
        return departureCountry != null ? departureCountry : nationality;
    }

    public Trip inGroupOf(int size) {
        return new Trip(nationality, destination, passportType, purpose, entryDate, exitDate, passportExpiry,
                onwardCountry, departureCountry, portOfEntry, size);
    }
}
