package travel.amur.itinerary.planning.model;

import java.time.LocalDate;

/**
 * A traveller as the agency entered them. The passport number is needed to book and is never logged or sent on
 * Kafka; views show it masked.
 */
public record Traveller(String id, String firstName, String lastName, String nationality, String passportType,
        String passportNumber, LocalDate passportExpiry, LocalDate birthDate) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public String maskedPassport() {
        int visible = Math.min(3, passportNumber.length());
        return "*".repeat(passportNumber.length() - visible) + passportNumber.substring(passportNumber.length() - visible);
    }

    /** The same traveller with the number hidden, for the rest of the world to see. */
    public Traveller masked() {
        return new Traveller(id, firstName, lastName, nationality, passportType, maskedPassport(), passportExpiry,
                birthDate);
    }

    @Override
    public String toString() {
        // Never print the passport number, whoever logs a traveller.
        return "Traveller[" + id + ", " + fullName() + ", " + nationality + "]";
    }
}
