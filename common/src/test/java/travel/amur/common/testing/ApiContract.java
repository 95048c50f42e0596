package travel.amur.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The public API document ({@code openapi/amur-api.yaml}) held against what goes over the wire: every response a test
 * receives under {@code /api} must be an operation of the document, with a status it documents, a media type it
 * lists and a body its schema accepts (objects closed: a field the document does not name is a violation). Used as a
 * filter on the tests' HTTP clients, so a violation fails the test that received it.
 */
public final class ApiContract {

    public static final String DOCUMENT = "openapi/amur-api.yaml";
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/problem+json");
    /** Last of the statics: its constructor uses the others. */
    private static final ApiContract INSTANCE = new ApiContract(DOCUMENT);

    private final SchemaDocument schemas;
    private final JsonNode document;
    private final List<PathTemplate> paths;

    private ApiContract(String resource) {
        schemas = new SchemaDocument(resource, ApiContract::closeObjects);
        document = schemas.tree();
        List<PathTemplate> found = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> found.add(PathTemplate.of(path)));
        // A literal segment beats a parameter: /api/flights/search before /api/flights/{flightId}.
        found.sort(Comparator.comparingInt(PathTemplate::parameters));
        paths = List.copyOf(found);
        compileAll();
    }

    /**
     * Compiles every response schema now, on the thread that loads this class: compiling one at the first response
     * that needs it, on a reactor thread while the test waits, once stalled a test past its 20 s timeout in CI.
     */
    private void compileAll() {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            responses.fields().forEachRemaining(status -> {
                JsonNode declared = status.getValue();
                String pointer = declared.has("$ref") ? refOf(declared) : "#/paths/" + escape(path.getKey()) + "/"
                        + op.getKey() + "/responses/" + status.getKey();
                document.at(pointer.substring(1)).path("content").fieldNames().forEachRemaining(type -> {
                    if (JSON_TYPES.contains(type)) {
                        schemas.compile(pointer + "/content/" + escape(type) + "/schema");
                    }
                });
            });
        }));
        schemas.compile("#/components/schemas/StatusEvent");
        schemas.compile("#/components/schemas/TripDisruption");
    }

    public static ApiContract get() {
        return INSTANCE;
    }

    /** A client filter that checks each response against the document, failing the exchange on a violation. */
    public static ExchangeFilterFunction validating() {
        return validatingExcept(request -> false);
    }

    /** The same, but not for the requests {@code skip} names (those answered by a stub, say). */
    public static ExchangeFilterFunction validatingExcept(Predicate<ClientRequest> skip) {
        return (request, next) -> next.exchange(request).flatMap(response -> {
            String method = request.method().name();
            URI url = request.url();
            if (!url.getPath().startsWith("/api/") || skip.test(request)) {
                return Mono.just(response);
            }
            MediaType type = response.headers().contentType().orElse(null);
            if (type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
                INSTANCE.check(method, url.getPath(), response.statusCode().value(), type, null);
                return Mono.just(response.mutate().body(body -> INSTANCE.checkEvents(body)).build())
                        .publishOn(Schedulers.boundedElastic());
            }
            return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class))
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    // Checking is the test's work, not the client's: leave the event loop to the responses.
                    .publishOn(Schedulers.boundedElastic())
                    .map(bytes -> {
                        INSTANCE.check(method, url.getPath(), response.statusCode().value(), type, bytes);
                        return response.mutate()
                                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))).build();
                    });
        });
    }

    /** Checks one response; throws an AssertionError naming every violation. */
    public void check(String method, String path, int status, MediaType type, byte[] body) {
        String where = method + " " + path + " -> " + status;
        PathTemplate template = paths.stream().filter(p -> p.matches(path)).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": the API document has no path " + path));
        JsonNode operation = document.path("paths").path(template.path()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError(where + ": the API document has no " + method + " " + template.path());
        }
        JsonNode declared = operation.path("responses").path(String.valueOf(status));
        if (declared.isMissingNode()) {
            throw new AssertionError(where + ": " + operation.path("operationId").asText() + " does not document "
                    + status);
        }
        String responsePointer = declared.has("$ref") ? refOf(declared) : "#/paths/" + escape(template.path()) + "/"
                + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode response = document.at(responsePointer.substring(1));
        JsonNode content = response.path("content");
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                throw new AssertionError(where + ": documented without a body, answered " + body.length + " bytes");
            }
            return;
        }
        if (type == null) {
            throw new AssertionError(where + ": answered no Content-Type; the document lists " + names(content));
        }
        String mediaType = type.getType() + "/" + type.getSubtype();
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            throw new AssertionError(where + ": answered " + mediaType + "; the document lists " + names(content));
        }
        if (body != null && JSON_TYPES.contains(mediaType)) {
            validate(where, responsePointer + "/content/" + escape(mediaType) + "/schema", body);
        }
    }

    /** Checks a JSON value against a schema of the document, given by its JSON pointer. */
    public void validate(String where, String pointer, byte[] body) {
        JsonNode instance;
        try {
            instance = SchemaDocument.readJson(body);
        } catch (IOException e) {
            throw new AssertionError(where + ": the body is not JSON: " + new String(body, StandardCharsets.UTF_8));
        }
        List<String> errors = schemas.violations(pointer, instance);
        if (!errors.isEmpty()) {
            throw new AssertionError(where + ": the body breaks " + pointer + ":\n  " + String.join("\n  ", errors)
                    + "\nbody: " + new String(body, StandardCharsets.UTF_8));
        }
    }

    /**
     * Each event's data must match the schema its event name gives (a {@code disruption} a TripDisruption, any other a
     * StatusEvent); comments pass. Lines may span buffers, so they are joined first.
     */
    private Flux<DataBuffer> checkEvents(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            StringBuilder partial = new StringBuilder();
            String[] event = {""};
            return body.publishOn(Schedulers.boundedElastic()).doOnNext(buffer -> {
                partial.append(buffer.toString(buffer.readPosition(), buffer.readableByteCount(),
                        StandardCharsets.UTF_8));
                for (int end; (end = partial.indexOf("\n")) >= 0; partial.delete(0, end + 1)) {
                    String line = partial.substring(0, end);
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        validate("event stream", "#/components/schemas/"
                                        + ("disruption".equals(event[0]) ? "TripDisruption" : "StatusEvent"),
                                line.substring(5).getBytes(StandardCharsets.UTF_8));
                    } else if (line.isEmpty()) {
                        event[0] = "";
                    }
                }
            });
        });
    }

    private static String refOf(JsonNode node) {
        return node.path("$ref").asText();
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** Every object schema that lists its properties admits no others, unless it says what else it admits. */
    private static JsonNode closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                closeObjects(fields.next().getValue());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ApiContract::closeObjects);
        }
        return node;
    }

    /** A path of the document, as a pattern over request paths. */
    private record PathTemplate(String path, Pattern pattern, int parameters) {

        static PathTemplate of(String path) {
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new PathTemplate(path, Pattern.compile(regex), (int) path.chars().filter(c -> c == '{').count());
        }

        boolean matches(String requestPath) {
            return pattern.matcher(requestPath).matches();
        }
    }
}
