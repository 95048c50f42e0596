package travel.amur.itinerary.planning.model;

/**
 * Why a booking (or a re-booking) was refused: a code from one vocabulary, carried as it is from the saga's decision
 * to the itinerary and its status event; a sentence; and the traveller or step it is about.
 */
public record Rejection(Code code, String message, String subject) {

    /** Every reason a booking can be refused for. */
    public enum Code {
        /** A traveller may not enter without a visa. */
        VISA_NOT_ELIGIBLE,
        /** No entry policy is on record for a traveller's trip. */
        NO_ENTRY_POLICY,
        /** A group tour with too few travellers who qualify. */
        GROUP_SIZE,
        /** A group tour of an agency not authorised for group tours. */
        AGENCY_NOT_AUTHORISED,
        SOLD_OUT,
        FLIGHT_NOT_FOUND,
        FLIGHT_DEPARTED,
        FLIGHT_CANCELLED,
        /** The seats of a hold were released by someone else (or before the hold was made). */
        SEATS_RELEASED,
        HOLD_EXPIRED,
        /** A participant did not answer by the deadline. */
        TIMEOUT,
        /** The itinerary was cancelled (of a re-booking under way). */
        CANCELLED;

        /** A group rule the visa service says was broken, by its code; an unknown one counts as not eligible. */
        public static Code ofGroupRule(String code) {
            return switch (code) {
                case "GROUP_SIZE" -> GROUP_SIZE;
                case "AGENCY_NOT_AUTHORISED" -> AGENCY_NOT_AUTHORISED;
                default -> VISA_NOT_ELIGIBLE;
            };
        }
    }
}
