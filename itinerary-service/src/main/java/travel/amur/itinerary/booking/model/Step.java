package travel.amur.itinerary.booking.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a booking. {@code id} is the check or hold id sent to the participant: repeating a command with the same
 * id has no second effect, which is what makes retries safe.
 *
 * @param deadline when an answer is overdue; null once none is awaited
 */
public record Step(StepName name, UUID id, StepStatus status, int attempts, Instant deadline) {

    Step to(StepStatus next) {
        boolean awaiting = next == StepStatus.REQUESTED || next == StepStatus.CONFIRMING;
        return new Step(name, id, next, attempts, awaiting ? deadline : null);
    }

    Step asking(StepStatus next, Instant now, SagaTimeouts timeouts) {
        return new Step(name, id, next, 1, now.plus(timeouts.stepTimeout()));
    }

    Step retried(Instant now, SagaTimeouts timeouts) {
        return new Step(name, id, status, attempts + 1, now.plus(timeouts.stepTimeout().multipliedBy(attempts + 1L)));
    }

    boolean overdue(Instant now) {
        return deadline != null && !deadline.isAfter(now);
    }
}
