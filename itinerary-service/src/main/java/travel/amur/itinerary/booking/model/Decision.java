package travel.amur.itinerary.booking.model;

import java.util.List;

/**
 * What a booking does about something that happened: its next state, the commands to send, what to log.
 *
 * @param rebooking how a re-booking ended, when this decision ended one; null otherwise
 */
public record Decision(BookingSaga saga, List<SagaCommand> commands, List<String> log, RebookingOutcome rebooking) {

    public Decision {
        commands = List.copyOf(commands);
        log = List.copyOf(log);
    }

    public Decision(BookingSaga saga, List<SagaCommand> commands, List<String> log) {
        this(saga, commands, log, null);
    }

    static Decision unchanged(BookingSaga saga, String why) {
        return new Decision(saga, List.of(), List.of(why));
    }
}
