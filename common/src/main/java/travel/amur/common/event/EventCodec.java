package travel.amur.common.event;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import reactor.util.context.ContextView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds, writes and reads {@link EventEnvelope}s; the one place that knows the wire format.
 */
public class EventCodec {

    private static final Pattern VERSIONED_TYPE = Pattern.compile("[a-z][a-z0-9.]*\\.[A-Z][A-Za-z0-9]*\\.v[0-9]+");
    private static final Map<Class<?>, String> TYPES = new ConcurrentHashMap<>();

    private final JsonMapper json;
    private final Clock clock;
    private final String source;
    private final CurrentTrace trace;

    public EventCodec(JsonMapper json, Clock clock, String source) {
        this(json, clock, source, CurrentTrace.NONE);
    }

    public EventCodec(JsonMapper json, Clock clock, String source, CurrentTrace trace) {
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.trace = trace;
    }

    /** The versioned CloudEvents type declared on a payload class by {@link EventType}. */
    public static String typeOf(Class<?> payloadType) {
        return TYPES.computeIfAbsent(payloadType, EventCodec::declaredType);
    }

    private static String declaredType(Class<?> payloadType) {
        EventType declared = payloadType.getAnnotation(EventType.class);
        if (declared == null || !VERSIONED_TYPE.matcher(declared.value()).matches()) {
            throw new IllegalArgumentException(payloadType.getName()
                    + " needs @EventType(\"travel.amur.<area>.<Name>.v<version>\")");
        }
        return declared.value();
    }

    /** Wraps a payload about {@code subject} in a new envelope with a fresh id and the current time. */
    public EventEnvelope wrap(Object payload, String subject, Causation causation) {
        return wrap(payload, subject, causation, trace.traceparent());
    }

    /** The same, in the trace of the reactive chain whose context is given. */
    public EventEnvelope wrap(Object payload, String subject, Causation causation, ContextView context) {
        return wrap(payload, subject, causation, trace.traceparent(context));
    }

    private EventEnvelope wrap(Object payload, String subject, Causation causation, String traceparent) {
        Objects.requireNonNull(subject, "subject");
        String type = typeOf(payload.getClass());
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                clock.instant(), subject, "application/json", EventEnvelope.SCHEMAS + type,
                causation.correlationId(), causation.causationId(), traceparent, json.valueToTree(payload));
    }

    public String write(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    /** Reads an envelope; anything that is not a complete CloudEvent is unreadable for good. */
    public EventEnvelope read(String message) {
        if (message == null || message.isBlank()) {
            throw new UnreadableMessageException("empty message");
        }
        EventEnvelope envelope;
        try {
            envelope = json.readValue(message, EventEnvelope.class);
        } catch (JacksonException e) {
            throw new UnreadableMessageException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        }
        return checked(envelope);
    }

    /**
     * Reads an event in CloudEvents' Kafka binary mode: the attributes in {@code ce_*} headers (given here without
     * the prefix), the content type in {@code content-type}, the record's value the data itself.
     */
    public EventEnvelope readBinary(Map<String, String> attributes, String contentType, String data) {
        JsonNode payload;
        try {
            payload = data == null || data.isBlank() ? null : json.readTree(data);
        } catch (JacksonException e) {
            throw new UnreadableMessageException("binary-mode data is not JSON: " + e.getOriginalMessage(), e);
        }
        Instant time;
        try {
            time = attributes.get("time") == null ? null : OffsetDateTime.parse(attributes.get("time")).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableMessageException("CloudEvents attribute 'time' is not an RFC 3339 time", e);
        }
        return checked(new EventEnvelope(attributes.get("specversion"), attributes.get("id"), attributes.get("source"),
                attributes.get("type"), time, attributes.get("subject"), contentType, attributes.get("dataschema"),
                attributes.get("correlationid"), attributes.get("causationid"), attributes.get("traceparent"),
                payload));
    }

    private static EventEnvelope checked(EventEnvelope envelope) {
        requirePresent(envelope.id(), "id");
        requirePresent(envelope.type(), "type");
        requirePresent(envelope.source(), "source");
        if (!EventEnvelope.SPEC_VERSION.equals(envelope.specVersion())) {
            throw new UnreadableMessageException("unsupported specversion " + envelope.specVersion());
        }
        return envelope;
    }

    /** The payload of an envelope as {@code payloadType}; data that does not fit is unreadable for good. */
    public <T> T payload(EventEnvelope envelope, Class<T> payloadType) {
        if (envelope.data() == null || envelope.data().isNull()) {
            throw new UnreadableMessageException(envelope.type() + " " + envelope.id() + " has no data");
        }
        try {
            return json.treeToValue(envelope.data(), payloadType);
        } catch (JacksonException e) {
            throw new UnreadableMessageException(envelope.type() + " " + envelope.id() + " has unreadable data: "
                    + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableMessageException(envelope.type() + " " + envelope.id() + " is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static void requirePresent(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new UnreadableMessageException("CloudEvents attribute '" + attribute + "' is missing");
        }
    }
}
