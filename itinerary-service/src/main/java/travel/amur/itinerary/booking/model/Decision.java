package travel.amur.itinerary.booking.model;

import java.util.List;
import travel.amur.itinerary.planning.model.Rejection;

/**
 * What a booking does about something that happened: its next state, the commands to send, what to log.
 *
 * @param rejections why the booking is refused, when this decision refuses it (the itinerary keeps them: an outcome
 *         is stored once); empty otherwise
 * @param rebooking how a re-booking ended, when this decision ended one; null otherwise
 */
public record Decision(BookingSaga saga, List<SagaCommand> commands, List<String> log, List<Rejection> rejections,
        RebookingOutcome rebooking) {

    public Decision {
        commands = List.copyOf(commands);
        log = List.copyOf(log);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    public Decision(BookingSaga saga, List<SagaCommand> commands, List<String> log) {
        this(saga, commands, log, List.of(), null);
    }

    static Decision unchanged(BookingSaga saga, String why) {
        return new Decision(saga, List.of(), List.of(why));
    }

    static Decision rebooking(BookingSaga saga, List<SagaCommand> commands, List<String> log,
            RebookingOutcome outcome) {
        return new Decision(saga, commands, log, List.of(), outcome);
    }
}
