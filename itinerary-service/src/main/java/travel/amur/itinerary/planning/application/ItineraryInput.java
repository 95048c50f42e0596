package travel.amur.itinerary.planning.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An itinerary as an agency submits it, before anything is checked. Either {@code activities} or a package with its
 * start date; {@code groupTour} for a group of 5 to 50 travelling together under the group regime.
 */
public record ItineraryInput(String destination, String purpose, List<TravellerInput> travellers,
        UUID outboundFlightId, UUID returnFlightId, List<ActivityInput> activities, String packageId,
        LocalDate packageStart, boolean groupTour) {

    /** A traveller as entered. */
    public record TravellerInput(String firstName, String lastName, String nationality, String passportType,
            String passportNumber, LocalDate passportExpiry, LocalDate birthDate) {

        @Override
        public String toString() {
            return "TravellerInput[" + firstName + " " + lastName + "]";
        }
    }

    /** An attraction on a date. */
    public record ActivityInput(String attractionId, LocalDate date) {
    }
}
