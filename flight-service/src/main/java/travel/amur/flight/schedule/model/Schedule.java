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
 * date (and until one, if known). It turns into dated flights for any range of days.
 *
 * @param source where the schedule comes from
 * @param note what in it is a placeholder rather than published, if anything
 */
public record Schedule(String flightNumber, String carrier, Airport origin, Airport destination, Set<DayOfWeek> days,
        LocalTime departsLocal, LocalTime arrivesLocal, int arrivalDayOffset, String aircraft, LocalDate validFrom,
        LocalDate validTo, List<CabinPlan> cabins, String source, String note) {

    public Schedule {
        Objects.requireNonNull(flightNumber, "flightNumber");
        days = Set.copyOf(days);
        cabins = List.copyOf(cabins);
        if (days.isEmpty() || cabins.isEmpty()) {
            throw new IllegalArgumentException(flightNumber + " needs days and cabins");
        }
        if (origin.code().equals(destination.code())) {
            throw new IllegalArgumentException(flightNumber + " goes nowhere");
        }
    }

    /** The flights of this schedule whose local departure date lies in {@code [from, to]}. */
    public List<PlannedFlight> flightsBetween(LocalDate from, LocalDate to) {
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
