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
 * @param agencyAuthorisedForGroups whether the agency is on the lists for group tours (as the gateway says of it);
 *         null when not known, and the authorisation is then a condition to meet
 */
public record Trip(String nationality, String destination, PassportType passportType, Purpose purpose,
        LocalDate entryDate, LocalDate exitDate, LocalDate passportExpiry, String onwardCountry,
        String departureCountry, String portOfEntry, Integer groupSize, Boolean agencyAuthorisedForGroups) {

    /** A trip of one traveller on their own, the agency's authorisation unknown. */
    public Trip(String nationality, String destination, PassportType passportType, Purpose purpose,
            LocalDate entryDate, LocalDate exitDate, LocalDate passportExpiry, String onwardCountry,
            String departureCountry, String portOfEntry, Integer groupSize) {
        this(nationality, destination, passportType, purpose, entryDate, exitDate, passportExpiry, onwardCountry,
                departureCountry, portOfEntry, groupSize, null);
    }

    public String comingFrom() {
        return departureCountry != null ? departureCountry : nationality;
    }

    /** Entering the country of one's own citizenship: no visitor at all. */
    public boolean citizenComingHome() {
        return nationality.equals(destination);
    }

    public Trip inGroupOf(int size) {
        return new Trip(nationality, destination, passportType, purpose, entryDate, exitDate, passportExpiry,
                onwardCountry, departureCountry, portOfEntry, size, agencyAuthorisedForGroups);
    }

    public Trip alone() {
        return new Trip(nationality, destination, passportType, purpose, entryDate, exitDate, passportExpiry,
                onwardCountry, departureCountry, portOfEntry, null, agencyAuthorisedForGroups);
    }

    public Trip withAgencyAuthorisation(Boolean authorised) {
        return new Trip(nationality, destination, passportType, purpose, entryDate, exitDate, passportExpiry,
                onwardCountry, departureCountry, portOfEntry, groupSize, authorised);
    }
}
