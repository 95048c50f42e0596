package travel.amur.itinerary.planning.model;

import java.time.LocalDate;

/**
 * Something the agent should look at before booking; it does not stop the booking.
 *
 * @param subject the attraction or traveller it is about, if any
 */
public record Warning(Code code, String message, String subject, LocalDate date) {

    /** What kind of warning. */
    public enum Code {
        OUT_OF_SEASON, SEASON_NOT_CONFIRMED, BEFORE_ARRIVAL, AFTER_DEPARTURE, VISA_NOT_ELIGIBLE, STAY_TOO_LONG,
        VISA_CHECK_UNAVAILABLE, EXTREME_COLD, PRICE_UNKNOWN
    }
}
