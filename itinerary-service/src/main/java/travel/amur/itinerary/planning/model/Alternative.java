package travel.amur.itinerary.planning.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something a disrupted trip could do instead that still works: checked against the planner, it raises no warning
 * the trip did not have already.
 *
 * @param id stable for the same proposal of the same disruption (computing again gives the same id)
 * @param leg for a flight alternative, which of the trip's flights it replaces (OUTBOUND or RETURN)
 * @param flight the flight it proposes (for OTHER_FLIGHT and KEEP_NEW_TIMES)
 * @param seatsAvailable economy seats left on that flight when it was proposed
 * @param packageStart the package's first day after the change (moved with the outbound flight)
 * @param attractionId the attraction it visits instead (for OTHER_ATTRACTION)
 * @param date the day of that visit
 * @param plan the trip's plan once the alternative is taken, as the planner worked it out when proposing it (kept,
 *         not shown: accepting applies it without asking the visa service again); null for what changes no plan
 */
public record Alternative(UUID id, Kind kind, String description, Leg leg, FlightLeg flight, Integer seatsAvailable,
        LocalDate packageStart, String attractionId, LocalDate date, Plan plan) {

    /** What an alternative does. */
    public enum Kind {
        /** Another flight on the same route within three days. */
        OTHER_FLIGHT,
        /** Keep the retimed flight at its new times (the plan follows them). */
        KEEP_NEW_TIMES,
        /** Another attraction in the same city, open that day. */
        OTHER_ATTRACTION,
        /** Another way in the visa service names when an entry policy changed: a group tour, transit, a visa. */
        ENTRY_ROUTE
    }

    /** Which flight of the trip. */
    public enum Leg { OUTBOUND, RETURN }

    /** A stable id for a proposal: the disruption and what it proposes. */
    public static UUID idOf(UUID disruptionId, Kind kind, String what) {
        return UUID.nameUUIDFromBytes((disruptionId + "|" + kind + "|" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether this alternative moves seats (the booking must hold the new flight before it gives up the old). */
    public boolean movesSeats() {
        return kind == Kind.OTHER_FLIGHT;
    }

    /**
     * The trip's draft once this alternative is taken (for a closure, {@code subject} is the closed attraction it
     * replaces); the same draft for one that changes nothing in it.
     */
    public Draft applyTo(Draft draft, String subject) {
        return switch (kind) {
            case OTHER_FLIGHT, KEEP_NEW_TIMES -> draft.withFlight(leg, flight);
            case OTHER_ATTRACTION -> draft.withVisit(subject, date, attractionId);
            case ENTRY_ROUTE -> draft;
        };
    }
}
