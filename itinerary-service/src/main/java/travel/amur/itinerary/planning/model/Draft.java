package travel.amur.itinerary.planning.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An itinerary as the agency asked for it: who, where, why, which flights, and which activities (given one by one, or
 * expanded from a package starting on {@code packageStart}).
 *
 * @param groupTour the travellers go as one group tour (5 to 50, the same dates), checked and booked as one
 */
public record Draft(String destination, String purpose, List<Traveller> travellers, FlightLeg outbound,
        FlightLeg inbound, List<PlannedActivity> activities, String packageId, LocalDate packageStart,
        boolean groupTour) {

    public Draft {
        travellers = List.copyOf(travellers);
        activities = List.copyOf(activities);
    }

    public LocalDate arrivalDate() {
        return outbound.arrival().toLocalDate();
    }

    public LocalDate departureDate() {
        return inbound.departure().toLocalDate();
    }

    /** Whether the return flight leaves after the outbound one lands. */
    public boolean flightsInOrder() {
        return inbound.departure().isAfter(outbound.arrival());
    }

    /**
     * The same trip on another flight (or the same flight at new times). When the outbound flight moves, the days
     * on the ground move with it: the package starts as many days later (or earlier) and so does each activity.
     */
    public Draft withFlight(Alternative.Leg leg, FlightLeg flight) {
        if (leg == Alternative.Leg.RETURN) {
            return new Draft(destination, purpose, travellers, outbound, flight, activities, packageId, packageStart,
                    groupTour);
        }
        long shift = ChronoUnit.DAYS.between(arrivalDate(), flight.arrival().toLocalDate());
        return new Draft(destination, purpose, travellers, flight, inbound,
                activities.stream().map(a -> new PlannedActivity(a.attractionId(), a.date().plusDays(shift))).toList(),
                packageId, packageStart == null ? null : packageStart.plusDays(shift), groupTour);
    }

    /** The same trip visiting {@code instead} where it visited {@code attractionId} on {@code date}. */
    public Draft withVisit(String attractionId, LocalDate date, String instead) {
        return new Draft(destination, purpose, travellers, outbound, inbound, activities.stream()
                .map(a -> a.attractionId().equals(attractionId) && a.date().equals(date)
                        ? new PlannedActivity(instead, date) : a)
                .toList(), packageId, packageStart, groupTour);
    }

    /** Which of the trip's flights this is, if either. */
    public Optional<Alternative.Leg> legOf(UUID flightId) {
        if (outbound.flightId().equals(flightId)) {
            return Optional.of(Alternative.Leg.OUTBOUND);
        }
        return inbound.flightId().equals(flightId) ? Optional.of(Alternative.Leg.RETURN)
                : Optional.empty();
    }

    public FlightLeg flight(Alternative.Leg leg) {
        return leg == Alternative.Leg.OUTBOUND ? outbound : inbound;
    }

    /** The same draft with passport numbers masked, for views. */
    public Draft masked() {
        return new Draft(destination, purpose, travellers.stream().map(Traveller::masked).toList(), outbound, inbound,
                activities, packageId, packageStart, groupTour);
    }
}
