package travel.amur.flight.search.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import travel.amur.flight.schedule.model.Airport;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;

/**
 * What an agent searches for: a route, a day (give or take {@code flexDays}), how many travel, in which cabin and
 * currency ({@code null}: the currency of the departure country).
 */
public record FlightQuery(String origin, String destination, LocalDate date, int passengers, Cabin cabin,
        Currency currency, int flexDays) {

    public static final int MAX_PASSENGERS = 50;
    public static final int MAX_FLEX_DAYS = 3;

    /** A reason the query cannot be answered, about one of its fields. */
    public record Problem(String field, String message) {
    }

    /**
     * What is wrong with the query, if anything, given the airports served, today at the origin and the last day on
     * sale.
     */
    public List<Problem> problems(Map<String, Airport> airports, LocalDate todayAtOrigin, LocalDate lastDayOnSale) {
        List<Problem> problems = new ArrayList<>();
        if (!airports.containsKey(origin)) {
            problems.add(new Problem("origin", "'" + origin + "' is not an airport Amur serves"));
        }
        if (!airports.containsKey(destination)) {
            problems.add(new Problem("destination", "'" + destination + "' is not an airport Amur serves"));
        }
        if (origin.equals(destination)) {
            problems.add(new Problem("destination", "must differ from origin"));
        }
        if (passengers < 1 || passengers > MAX_PASSENGERS) {
            problems.add(new Problem("passengers", "must be between 1 and " + MAX_PASSENGERS));
        }
        if (flexDays < 0 || flexDays > MAX_FLEX_DAYS) {
            problems.add(new Problem("flexDays", "must be between 0 and " + MAX_FLEX_DAYS));
        }
        if (date.isBefore(todayAtOrigin)) {
            problems.add(new Problem("date", date + " is in the past"));
        } else if (date.isAfter(lastDayOnSale)) {
            problems.add(new Problem("date", "flights are on sale until " + lastDayOnSale));
        }
        return problems;
    }

    public LocalDate firstDay() {
        return date.minusDays(flexDays);
    }

    public LocalDate lastDay() {
        return date.plusDays(flexDays);
    }
}
