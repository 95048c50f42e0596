package travel.amur.flight.search.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a flight's schedule rests on, shown with every offer: its source, until when it is published (or that it is
 * carried forward unconfirmed), what in it is a placeholder, and where its fares come from (null: placeholders).
 */
public record ScheduleFacts(String source, LocalDate validTo, boolean carriedForward, String note,
        List<String> placeholders, String fareSource) {

    public ScheduleFacts {
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
    }
}
