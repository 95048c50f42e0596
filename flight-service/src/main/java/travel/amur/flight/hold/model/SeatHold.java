package travel.amur.flight.hold.model;

/**
 * A hold in one of its states. Each state is a type, and only the transitions it allows exist on it.
 */
public sealed interface SeatHold permits HeldSeats, ConfirmedSeats, ReleasedSeats, ExpiredHold, RejectedHold {

    HoldDetails details();

    HoldStatus status();
}
