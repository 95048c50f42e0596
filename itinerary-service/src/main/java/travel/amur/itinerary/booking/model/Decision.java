package travel.amur.itinerary.booking.model;

import java.util.List;

/** What a booking does about something that happened: its next state, the commands to send, what to log. */
public record Decision(BookingSaga saga, List<SagaCommand> commands, List<String> log) {

    public Decision {
        commands = List.copyOf(commands);
        log = List.copyOf(log);
    }

    static Decision unchanged(BookingSaga saga, String why) {
        return new Decision(saga, List.of(), List.of(why));
    }
}
