package travel.amur.itinerary.planning.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the agent should look at before booking; it does not stop the booking.
 *
 * @param concerns what it is about: attraction ids, traveller ids, flight numbers
 * @param date the day it is about, if one
 * @param alternatives for a traveller who may not enter visa-free: the other ways in the visa service named
 */
public record Warning(Code code, String message, List<String> concerns, LocalDate date,
        List<VisaAdvice.Alternative> alternatives) {

    public Warning {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** A warning about one thing on one day, with no alternatives to offer. */
    public static Warning about(Code code, String message, String concern, LocalDate date) {
        return new Warning(code, message, concern == null ? List.of() : List.of(concern), date, List.of());
    }

    /** What kind of warning. */
    public enum Code {
        OUT_OF_SEASON, SEASON_NOT_CONFIRMED, BEFORE_ARRIVAL, AFTER_DEPARTURE, VISA_NOT_ELIGIBLE, STAY_TOO_LONG,
        VISA_CHECK_UNAVAILABLE, EXTREME_COLD, PRICE_UNKNOWN,
        /** A group tour breaks a rule of the group regime: too few who qualify, an agency not authorised. */
        GROUP_TOUR_REFUSED,
        /** No entry policy is on record for a traveller's trip: Amur cannot say; the agent must verify. */
        ENTRY_POLICY_UNKNOWN,
        /** An activity in a place this trip has no way to reach (no flight there is on sale). */
        NO_TRANSPORT,
        /** Concession prices applied on terms no source gives (who qualifies is a placeholder). */
        CONCESSION_TERMS_UNCONFIRMED,
        /** Operations closed the attraction on that day. */
        ATTRACTION_CLOSED
    }
}
