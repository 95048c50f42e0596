package travel.amur.itinerary.planning.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import travel.amur.itinerary.planning.application.ItineraryInput;

/** An itinerary as an agency posts it: activities one by one, or a package from a start date. */
record ItineraryRequest(
        @Schema(example = "CN", description = "ISO 3166 alpha-2 of the country visited") String destination,
        @Schema(example = "TOURISM") String purpose,
        List<TravellerRequest> travellers,
        UUID outboundFlightId,
        UUID returnFlightId,
        List<ActivityRequest> activities,
        @JsonProperty("package") PackageRequest tripPackage,
        @Schema(description = "a group tour of 5 to 50 travellers under the China-Russia group agreement (needs an "
                + "agency authorised for group tours)", defaultValue = "false") Boolean groupTour) {

    /** A traveller with the passport they travel on. */
    record TravellerRequest(@Schema(example = "Ivan") String firstName, @Schema(example = "Petrov") String lastName,
            @Schema(example = "RU") String nationality, @Schema(example = "ORDINARY") String passportType,
            @Schema(example = "751234567") String passportNumber, LocalDate passportExpiry, LocalDate birthDate) {

        @Override
        public String toString() {
            return "TravellerRequest[" + firstName + " " + lastName + "]";
        }
    }

    /** An attraction on a date. */
    record ActivityRequest(@Schema(example = "harbin-ice-and-snow-world") String attractionId, LocalDate date) {
    }

    /** A ready-made package and the date of its day 1. */
    record PackageRequest(@Schema(example = "harbin-ice-festival-4d") String packageId, LocalDate startDate) {
    }

    ItineraryInput toInput() {
        return new ItineraryInput(destination, purpose,
                travellers == null ? null : travellers.stream().map(t -> t == null ? null
                        : new ItineraryInput.TravellerInput(t.firstName(), t.lastName(), t.nationality(),
                                t.passportType(), t.passportNumber(), t.passportExpiry(), t.birthDate())).toList(),
                outboundFlightId, returnFlightId,
                activities == null ? null : activities.stream().map(a -> a == null ? null
                        : new ItineraryInput.ActivityInput(a.attractionId(), a.date())).toList(),
                tripPackage == null ? null : tripPackage.packageId(),
                tripPackage == null ? null : tripPackage.startDate(), Boolean.TRUE.equals(groupTour));
    }
}
