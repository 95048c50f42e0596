package travel.amur.flight.disruption.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Operations' declaration that a flight is cancelled, retimed, or reinstated (a cancellation revoked). Deciding on it is pure: the flight now and the
 * time give a disruption to record, or why not.
 */
public record DisruptFlight(UUID flightId, DisruptionType type, String reason, Instant departure, Instant arrival,
        String by) {

    static final int MAX_REASON = 500;

    /** The disruption to record, or why it cannot be. */
    public sealed interface Decision permits Disrupted, Refused {
    }

    public record Disrupted(FlightDisruption disruption) implements Decision {
    }

    /** Refused: {@code field} names the input at fault, if one. */
    public record Refused(Refusal refusal, String field, String message) implements Decision {
    }

    /** Why a disruption is refused. */
    public enum Refusal { INVALID, DEPARTED, ALREADY_CANCELLED, NOT_CANCELLED }

    public Decision decide(FlightNow flight, Instant now, UUID id) {
        List<Refused> invalid = problems(now);
        if (!invalid.isEmpty()) {
            return invalid.get(0);
        }
        if (!flight.departsAt().isAfter(now)) {
            return new Refused(Refusal.DEPARTED, null, flight.flightNumber() + " departed at " + flight.departsAt()
                    + "; only a flight yet to leave can be cancelled or retimed");
        }
        if (type == DisruptionType.REINSTATED) {
            if (!flight.cancelled()) {
                return new Refused(Refusal.NOT_CANCELLED, null, flight.flightNumber() + " of " + flight.departsAt()
                        + " is not cancelled; only a cancelled flight can be reinstated");
            }
            return new Disrupted(new FlightDisruption(id, flight.flightId(), flight.flightNumber(), type,
                    reason.trim(), flight.departsAt(), flight.arrivesAt(), null, null, now, by));
        }
        if (flight.cancelled()) {
            return new Refused(Refusal.ALREADY_CANCELLED, null, flight.flightNumber() + " of " + flight.departsAt()
                    + " is cancelled already");
        }
        boolean cancelled = type == DisruptionType.CANCELLED;
        return new Disrupted(new FlightDisruption(id, flight.flightId(), flight.flightNumber(), type, reason.trim(),
                flight.departsAt(), flight.arrivesAt(), cancelled ? null : departure, cancelled ? null : arrival, now,
                by));
    }

    private List<Refused> problems(Instant now) {
        List<Refused> problems = new ArrayList<>();
        if (type == null) {
            problems.add(invalid("type", "is required: CANCELLED, RETIMED or REINSTATED"));
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            problems.add(invalid("reason", "is required, 1 to " + MAX_REASON + " characters"));
        }
        if (type == DisruptionType.RETIMED) {
            if (departure == null) {
                problems.add(invalid("departure", "is required for a retimed flight"));
            } else if (!departure.isAfter(now)) {
                problems.add(invalid("departure", "must be in the future"));
            }
            if (arrival == null) {
                problems.add(invalid("arrival", "is required for a retimed flight"));
            } else if (departure != null && !arrival.isAfter(departure)) {
                problems.add(invalid("arrival", "must be after the departure"));
            }
        } else if (type != null && (departure != null || arrival != null)) {
            problems.add(invalid(departure != null ? "departure" : "arrival", "is only for a retimed flight"));
        }
        return problems;
    }

    private static Refused invalid(String field, String message) {
        return new Refused(Refusal.INVALID, field, message);
    }
}
