package travel.amur.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import travel.amur.common.event.EventEnvelope;

/**
 * The AsyncAPI document of Amur's events ({@code asyncapi/amur-events.yaml}) held against what goes over Kafka: the
 * envelope against its schema, the data against the schema its type names, and {@code dataschema} pointing there.
 */
public final class EventContract {

    private static final EventContract INSTANCE = new EventContract("asyncapi/amur-events.yaml");

    private final SchemaDocument schemas;

    private EventContract(String resource) {
        schemas = new SchemaDocument(resource, document -> document);
    }

    public static EventContract get() {
        return INSTANCE;
    }

    /** Checks one structured-mode envelope as read from a topic; throws an AssertionError naming each violation. */
    public void check(String envelopeJson) {
        JsonNode envelope;
        try {
            envelope = SchemaDocument.readJson(envelopeJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + envelopeJson);
        }
        validate("Envelope", envelope, envelopeJson);
        String type = envelope.path("type").asText();
        if (!schemas.tree().path("components").path("schemas").has(type)) {
            throw new AssertionError("the AsyncAPI document has no schema for " + type);
        }
        if (!(EventEnvelope.SCHEMAS + type).equals(envelope.path("dataschema").asText())) {
            throw new AssertionError(type + " names dataschema " + envelope.path("dataschema"));
        }
        validate(type, envelope.path("data"), envelopeJson);
    }

    private void validate(String schema, JsonNode instance, String whole) {
        List<String> errors = schemas.violations("#/components/schemas/" + schema.replace("~", "~0")
                .replace("/", "~1"), instance);
        if (!errors.isEmpty()) {
            throw new AssertionError(schema + " breaks the AsyncAPI document:\n  " + String.join("\n  ", errors)
                    + "\n" + whole);
        }
    }
}
