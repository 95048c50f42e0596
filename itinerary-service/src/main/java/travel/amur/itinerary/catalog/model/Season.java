package travel.amur.itinerary.catalog.model;

import java.time.LocalDate;

/**
 * When a seasonal attraction is open in the winter starting in {@code year}. Each end is confirmed only where a
 * source gives that date; otherwise it is expected (from past seasons, or "about the end of February").
 */
public record Season(int year, LocalDate opens, LocalDate closes, boolean opensConfirmed, boolean closesConfirmed,
        String source) {

    /** Both dates are given by the source. */
    public boolean confirmed() {
        return opensConfirmed && closesConfirmed;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(opens) && !date.isAfter(closes);
    }
}
