package travel.amur.itinerary.planning.model;

import java.time.LocalDate;
import java.util.List;

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

    /** The same draft with passport numbers masked, for views. */
    public Draft masked() {
        return new Draft(destination, purpose, travellers.stream().map(Traveller::masked).toList(), outbound, inbound,
                activities, packageId, packageStart, groupTour);
    }
}
