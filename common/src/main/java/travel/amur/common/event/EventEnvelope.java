package travel.amur.common.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A Kafka message in CloudEvents 1.0 structured JSON form, with correlation and causation extensions.
 *
 * @param subject the aggregate the event is about; it is also the Kafka record key, so one aggregate's messages stay in order
 * @param correlationId shared by every message of one business flow (for a booking: the itinerary id)
 * @param causationId the id of the message that caused this one, absent for a flow's first message
 * @param dataSchema the payload's schema in the AsyncAPI document of Amur's events ({@link #SCHEMAS} + type)
 * @param traceparent the W3C trace context of the work that wrote the event (CloudEvents' distributed tracing
 *         extension); the relay also sends it as the Kafka {@code traceparent} header, so the consumer's span joins
 *         the same trace
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        @JsonProperty("specversion") String specVersion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("dataschema") String dataSchema,
        @JsonProperty("correlationid") String correlationId,
        @JsonProperty("causationid") String causationId,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    /** The Kafka header the outbox relay repeats the envelope's {@code type} in (structured mode keeps it inside). */
    public static final String TYPE_HEADER = "amur-type";
    /** Where the payload schemas are: the AsyncAPI document every gateway serves at {@code /api/asyncapi.json}. */
    public static final String SCHEMAS = "https://amur.travel/api/asyncapi.json#/components/schemas/";
}
