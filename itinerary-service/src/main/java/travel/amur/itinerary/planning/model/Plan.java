package travel.amur.itinerary.planning.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The itinerary worked out: what happens each day, what it costs, and what to look at. */
public record Plan(List<Day> days, Price price, List<Warning> warnings) {

    public Plan {
        days = List.copyOf(days);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** One day, its items in order. */
    public record Day(LocalDate date, List<Item> items) {

        public Day {
            items = List.copyOf(items);
        }
    }

    /**
     * A flight landing or leaving, or an attraction visit.
     *
     * @param at the local time, for flights
     */
    public record Item(Kind kind, String attractionId, UUID flightId, String flightNumber, LocalTime at,
            Integer minutesNeeded, Boolean outdoor, BigDecimal priceCny) {

        /** The kinds of item. */
        public enum Kind { ARRIVAL, ACTIVITY, DEPARTURE }
    }

    /** An amount in a currency. */
    public record Amount(BigDecimal amount, String currency) {
    }

    /** Flights for all travellers, both ways; tickets for all; and the totals per currency (no exchange). */
    public record Price(Amount flights, Amount activities, List<Amount> totals) {

        public Price {
            totals = totals == null ? List.of() : List.copyOf(totals);
        }
    }
}
