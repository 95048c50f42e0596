package travel.amur.itinerary.booking.model;

import java.util.UUID;
import travel.amur.itinerary.planning.model.Rejection;

/** How a re-booking ended: the trip now flies the alternative, or it keeps what it had, and why. */
public sealed interface RebookingOutcome {

    UUID disruptionId();

    /** The new seats are sold and the old ones given back. */
    record Rebooked(UUID disruptionId, UUID alternativeId) implements RebookingOutcome {
    }

    /** The new seats could not be had (the trip keeps its old seats). */
    record NotRebooked(UUID disruptionId, Rejection why) implements RebookingOutcome {
    }
}
