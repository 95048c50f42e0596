package travel.amur.flight.hold.model;

/** Why seats cannot be held. */
public enum Refusal {
    /** Fewer free seats than passengers. */
    SOLD_OUT,
    /** No such flight, or no such cabin on it. */
    NOT_FOUND,
    /** The flight has left. */
    DEPARTED,
    /** The booking released this hold before asking for it (a compensation overtook its request). */
    RELEASED,
    /** Operations cancelled the flight. */
    CANCELLED
}
