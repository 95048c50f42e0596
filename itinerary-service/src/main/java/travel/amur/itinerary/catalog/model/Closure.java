package travel.amur.itinerary.catalog.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An attraction closed by operations from {@code from} to {@code to} (open-ended when null), and why.
 */
public record Closure(UUID id, String attractionId, LocalDate from, LocalDate to, String reason) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
