package travel.amur.common.event;

import java.util.Objects;

/**
 * Where a new message comes from: the flow it belongs to and the message that caused it.
 */
public record Causation(String correlationId, String causationId) {

    public Causation {
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The first message of a flow, such as a booking started over HTTP. */
    public static Causation startOf(String correlationId) {
        return new Causation(correlationId, null);
    }

    /** A message caused by handling {@code cause}: same flow, caused by that message. */
    public static Causation of(EventEnvelope cause) {
        String correlation = cause.correlationId() != null ? cause.correlationId() : cause.id();
        return new Causation(correlation, cause.id());
    }
}
