package travel.amur.itinerary.booking.model;

/** Where a step stands. */
public enum StepStatus {
    /** Asked, no answer yet. */
    REQUESTED,
    /** Answered yes: visas fine, seats held. */
    SUCCEEDED,
    /** Answered no, or no answer in time. */
    FAILED,
    /** Seats held, confirmation asked. */
    CONFIRMING,
    /** Seats sold. */
    CONFIRMED,
    /** Seats released by compensation or cancellation. */
    RELEASED
}
