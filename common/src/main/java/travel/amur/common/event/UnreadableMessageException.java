package travel.amur.common.event;

/**
 * A message that can never be handled, however often it is retried: it goes to the dead-letter topic.
 */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableMessageException(String message) {
        super(message);
    }
}
