package travel.amur.itinerary.booking.model;

/**
 * Whether the participant of a step answered other bookings lately. One that did is at work, behind a queue of
 * commands: a step it has not answered yet waits its turn instead of being sent again, since a copy would only
 * lengthen the queue it waits in.
 */
@FunctionalInterface
public interface Answering {

    /** Nobody known to answer: every overdue step is sent again. */
    Answering NOBODY = step -> false;

    boolean lately(StepName step);
}
