package travel.amur.itinerary.booking.model;

/** Where a booking stands as a whole. */
public enum Phase {
    /** Visas checked and seats held, in parallel. */
    RESERVING,
    /** Everything said yes; the seats are being sold. */
    CONFIRMING,
    CONFIRMED,
    /** Something said no or never answered; what was held has been released. */
    REJECTED,
    /** Confirmed, then cancelled by the agency; the seats have been released. */
    CANCELLED;

    public boolean ended() {
        return this == CONFIRMED || this == REJECTED || this == CANCELLED;
    }
}
