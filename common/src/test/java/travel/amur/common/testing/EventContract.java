package travel.amur.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import travel.amur.common.event.EventEnvelope;

/**
 * The AsyncAPI document of Amur's events ({@code asyncapi/amur-events.yaml}) held against what goes over Kafka: the
 * envelope against its schema, the data against the schema its type names, and {@code dataschema} pointing there.
 */
public final class EventContract {

    private static final EventContract INSTANCE = new EventContract("asyncapi/amur-events.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private EventContract(String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static EventContract get() {
        return INSTANCE;
    }

    /** Checks one structured-mode envelope as read from a topic; throws an AssertionError naming each violation. */
    public void check(String envelopeJson) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(envelopeJson);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + envelopeJson);
        }
        validate("Envelope", envelope, envelopeJson);
        String type = envelope.path("type").asText();
        if (!document.path("components").path("schemas").has(type)) {
            throw new AssertionError("the AsyncAPI document has no schema for " + type);
        }
        if (!(EventEnvelope.SCHEMAS + type).equals(envelope.path("dataschema").asText())) {
            throw new AssertionError(type + " names dataschema " + envelope.path("dataschema"));
        }
        validate(type, envelope.path("data"), envelopeJson);
    }

    private void validate(String schema, JsonNode instance, String whole) {
        Set<ValidationMessage> errors = compiled.computeIfAbsent(schema, this::schemaOf).validate(instance);
        if (!errors.isEmpty()) {
            throw new AssertionError(schema + " breaks the AsyncAPI document:\n  " + errors.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n  ")) + "\n" + whole);
        }
    }

    private JsonSchema schemaOf(String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1"));
        root.set("components", document.path("components"));
        return factory.getSchema(root, config);
    }
}
