package travel.amur.flight.hold.model;

/** A hold's new state and the seats that move with it. */
public record Transition(SeatHold to, SeatMovement seats) {
}
