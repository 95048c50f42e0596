package travel.amur.itinerary.booking.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a booking. {@code id} is the check or hold id sent to the participant: repeating a command with the same
 * id has no second effect, which is what makes resending safe.
 *
 * @param attempts how many times the step's command has been sent for its current ask
 * @param resendAt when the command is sent again if no answer came; null once none is awaited
 */
public record Step(StepName name, UUID id, StepStatus status, int attempts, Instant resendAt) {

    Step to(StepStatus next) {
        return new Step(name, id, next, attempts, awaits(next) ? resendAt : null);
    }

    Step asking(StepStatus next, Instant now, SagaPatience patience) {
        return new Step(name, id, next, 1, patience.nextResend(now, 1));
    }

    Step resent(Instant now, SagaPatience patience) {
        return new Step(name, id, status, attempts + 1, patience.nextResend(now, attempts + 1));
    }

    boolean awaited() {
        return awaits(status);
    }

    boolean overdue(Instant now) {
        return awaited() && resendAt != null && !resendAt.isAfter(now);
    }

    private static boolean awaits(StepStatus status) {
        return status == StepStatus.REQUESTED || status == StepStatus.CONFIRMING;
    }
}
