package travel.amur.itinerary.catalog.model;

import java.time.LocalDate;

/**
 * When a seasonal attraction is open in the winter starting in {@code year}.
 *
 * @param confirmed false when the dates are expected from past seasons rather than announced
 */
public record Season(int year, LocalDate opens, LocalDate closes, boolean confirmed, String source) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(opens) && !date.isAfter(closes);
    }
}
