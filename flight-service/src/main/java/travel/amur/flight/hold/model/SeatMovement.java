package travel.amur.flight.hold.model;

/** How a transition moves seats of the inventory: held and sold counts change by these amounts. */
public record SeatMovement(int held, int sold) {

    public static final SeatMovement NONE = new SeatMovement(0, 0);

    static SeatMovement releaseHeld(int seats) {
        return new SeatMovement(-seats, 0);
    }

    static SeatMovement sellHeld(int seats) {
        return new SeatMovement(-seats, seats);
    }

    static SeatMovement returnSold(int seats) {
        return new SeatMovement(0, -seats);
    }
}
