package travel.amur.itinerary.booking.model;

/** The steps of a booking: the visa check, and a seat hold on each flight. */
public enum StepName {
    VISAS, OUTBOUND_SEATS, RETURN_SEATS;

    public boolean seats() {
        return this != VISAS;
    }
}
