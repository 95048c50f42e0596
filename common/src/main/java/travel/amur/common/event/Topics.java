package travel.amur.common.event;

/**
 * Kafka topic names. Commands go to the service that carries them out; events come from the service that owns the fact.
 */
public final class Topics {

    public static final String FLIGHT_COMMANDS = "amur.flight.commands";
    public static final String FLIGHT_EVENTS = "amur.flight.events";
    public static final String VISA_COMMANDS = "amur.visa.commands";
    public static final String VISA_EVENTS = "amur.visa.events";
    public static final String ITINERARY_EVENTS = "amur.itinerary.events";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** Where messages of {@code topic} that can never be handled end up. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
