package travel.amur.flight.schedule.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A weekly pattern of one flight number: the days it flies and its local departure and arrival times, valid from a
 * date (and until one, if known). It turns into dated flights for any range of days, while it is on sale.
 *
 * @param source where the schedule comes from
 * @param note what a reader should know of it in words: placeholders, why it is carried forward
 * @param facts what is placeholder, carried forward, or off sale
 */
public record Schedule(String flightNumber, String carrier, Airport origin, Airport destination, Set<DayOfWeek> days,
        LocalTime departsLocal, LocalTime arrivesLocal, int arrivalDayOffset, String aircraft, LocalDate validFrom,
        LocalDate validTo, List<CabinPlan> cabins, String source, String note, Facts facts) {

    /**
     * How far the schedule is from what its sources say.
     *
     * @param placeholders the fields no source gives (flight number, days, times, valid from, fares, seat layout)
     * @param carriedForward a past season's timetable sold on because no newer one is confirmed
     * @param onSale false once withdrawn: no more flights are made from it
     * @param fareSource where the fares come from; null when they are placeholders
     */
    public record Facts(List<String> placeholders, boolean carriedForward, boolean onSale, String fareSource) {

        public Facts {
            placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
        }

        public static Facts published() {
            return new Facts(List.of(), false, true, null);
        }
    }

    public Schedule {
        Objects.requireNonNull(flightNumber, "flightNumber");
        days = Set.copyOf(days);
        cabins = List.copyOf(cabins);
        facts = facts == null ? Facts.published() : facts;
        if (days.isEmpty() || cabins.isEmpty()) {
            throw new IllegalArgumentException(flightNumber + " needs days and cabins");
        }
        if (origin.code().equals(destination.code())) {
            throw new IllegalArgumentException(flightNumber + " goes nowhere");
        }
    }

    /** The flights of this schedule whose local departure date lies in {@code [from, to]}. */
    public List<PlannedFlight> flightsBetween(LocalDate from, LocalDate to) {
        if (!facts.onSale()) {
            return List.of();
        }
        LocalDate first = from.isBefore(validFrom) ? validFrom : from;
        LocalDate last = validTo != null && validTo.isBefore(to) ? validTo : to;
        if (first.isAfter(last)) {
            return List.of();
        }
        return Stream.iterate(first, day -> !day.isAfter(last), day -> day.plusDays(1))
                .filter(day -> days.contains(day.getDayOfWeek()))
                .map(this::flightOn)
                .toList();
    }

    private PlannedFlight flightOn(LocalDate day) {
        ZonedDateTime departs = ZonedDateTime.of(day, departsLocal, origin.zone());
        ZonedDateTime arrives = ZonedDateTime.of(day.plusDays(arrivalDayOffset), arrivesLocal, destination.zone());
        if (!arrives.isAfter(departs)) {
            throw new IllegalStateException(flightNumber + " on " + day + " would arrive before it departs");
        }
        return new PlannedFlight(PlannedFlight.idOf(flightNumber, day), flightNumber, carrier, origin.code(),
                destination.code(), day, departs.toInstant(), arrives.toInstant(), aircraft, cabins);
    }
}
