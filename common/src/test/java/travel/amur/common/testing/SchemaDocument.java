package travel.amur.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A contract document on the class path (OpenAPI 3.1 or AsyncAPI 3, in YAML) whose schemas, JSON Schema 2020-12,
 * check JSON values; each schema, named by its JSON pointer into the document, is compiled once.
 */
final class SchemaDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .preloadJsonSchema(true).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** Reads {@code resource}, giving the tree to {@code prepare} first (to close its objects, say). */
    SchemaDocument(String resource, UnaryOperator<JsonNode> prepare) {
        try (InputStream in = SchemaDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            document = prepare.apply(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    JsonNode tree() {
        return document;
    }

    /** Compiles the schema at {@code pointer} now, and walks it once, loading every validator it needs. */
    void compile(String pointer) {
        compiled.computeIfAbsent(pointer, this::schemaAt).validate(NullNode.getInstance());
    }

    /** What in {@code instance} the schema at {@code pointer} does not accept; empty if nothing. */
    List<String> violations(String pointer, JsonNode instance) {
        return compiled.computeIfAbsent(pointer, this::schemaAt).validate(instance).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    static JsonNode readJson(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    /** The schema as the document's root with a {@code $ref} to it, so that its own references resolve. */
    private JsonSchema schemaAt(String pointer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        for (String member : List.of("paths", "components")) {
            if (document.has(member)) {
                root.set(member, document.get(member));
            }
        }
        return factory.getSchema(root, config);
    }
}
