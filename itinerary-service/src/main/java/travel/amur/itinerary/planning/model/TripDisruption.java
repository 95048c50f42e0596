package travel.amur.itinerary.planning.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that befell a trip after it was planned, and where it stands.
 *
 * @param type FLIGHT_CANCELLED, FLIGHT_RETIMED, ATTRACTION_CLOSED or ENTRY_POLICY_CHANGED
 * @param subject what it is about: the flight, attraction or policy id
 * @param status OPEN until it is re-booked (RESOLVED) or the agency keeps the trip as it is (DISMISSED)
 * @param alternatives what would still work instead; null until they have been worked out
 * @param accepted the alternative the agency accepted, while it is being re-booked or once it was
 * @param failure why the last accepted alternative could not be had (the trip kept what it had)
 */
public record TripDisruption(UUID id, String type, String subject, String detail, Instant detectedAt, String status,
        List<Alternative> alternatives, UUID accepted, String failure) {

    public TripDisruption {
        alternatives = alternatives == null ? null : List.copyOf(alternatives);
    }

    /** The agency accepted one of the alternatives: it is being re-booked. */
    public TripDisruption accepting(UUID alternativeId) {
        return new TripDisruption(id, type, subject, detail, detectedAt, status, alternatives, alternativeId, null);
    }

    /** The accepted alternative was had: the trip follows it now. */
    public TripDisruption resolved() {
        return new TripDisruption(id, type, subject, detail, detectedAt, "RESOLVED", alternatives, accepted, null);
    }

    /** The agency keeps the trip as it is. */
    public TripDisruption dismissed() {
        return new TripDisruption(id, type, subject, detail, detectedAt, "DISMISSED", alternatives, null, null);
    }

    /** The accepted alternative could not be had: still open, with the reason, and its alternatives to work out anew. */
    public TripDisruption notRebooked(String reason) {
        return new TripDisruption(id, type, subject, detail, detectedAt, status, null, null, reason);
    }

    /** Whether an alternative is being re-booked. */
    public boolean rebooking() {
        return accepted != null && open();
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The alternative of that id among those proposed. */
    public Optional<Alternative> alternative(UUID alternativeId) {
        return alternatives == null ? Optional.empty()
                : alternatives.stream().filter(a -> a.id().equals(alternativeId)).findFirst();
    }
}
