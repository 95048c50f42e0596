package travel.amur.itinerary.booking.model;

import java.util.UUID;

/** A command the booking sends to a participant; the application turns it into a message. */
public sealed interface SagaCommand {

    /** Check the visas of every traveller; of a group tour, together under the group regime. */
    record CheckVisas(UUID checkId, GroupTour groupTour) implements SagaCommand {
    }

    /** Hold seats on the step's flight. */
    record HoldSeats(StepName step, UUID holdId) implements SagaCommand {
    }

    /** Hold seats on another flight for the step: a re-booking's new seats. */
    record HoldSeatsOn(StepName step, UUID holdId, UUID flightId) implements SagaCommand {
    }

    record ConfirmSeats(StepName step, UUID holdId) implements SagaCommand {
    }

    /** Give held or sold seats back: the compensation of a seat step, or a cancellation. */
    record ReleaseSeats(StepName step, UUID holdId, String reason) implements SagaCommand {
    }
}
