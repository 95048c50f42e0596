package travel.amur.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contracts, open without a key: the public API (OpenAPI 3.1, common's {@code openapi/amur-api.yaml}) and the
 * events on Kafka (AsyncAPI 3, {@code asyncapi/amur-events.yaml}), each as written (YAML) and as JSON. Read once at
 * start-up.
 */
@RestController
class ApiDocument {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Document openApi = Document.read("openapi/amur-api.yaml");
    private final Document asyncApi = Document.read("asyncapi/amur-events.yaml");

    @GetMapping(path = "/api/openapi.yaml", produces = "application/yaml")
    ResponseEntity<String> openApiYaml() {
        return openApi.answer(YAML);
    }

    @GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> openApiJson() {
        return openApi.answer(MediaType.APPLICATION_JSON);
    }

    @GetMapping(path = "/api/asyncapi.yaml", produces = "application/yaml")
    ResponseEntity<String> asyncApiYaml() {
        return asyncApi.answer(YAML);
    }

    @GetMapping(path = "/api/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> asyncApiJson() {
        return asyncApi.answer(MediaType.APPLICATION_JSON);
    }

    /** One document in both forms, and its entity tag. */
    private record Document(String yaml, String json, String etag) {

        static Document read(String resource) {
            byte[] yaml;
            try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the class path");
                }
                yaml = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] json = JsonMapper.builder().build().writeValueAsBytes(YAMLMapper.builder().build().readTree(yaml));
            return new Document(new String(yaml, StandardCharsets.UTF_8), new String(json, StandardCharsets.UTF_8),
                    "\"" + sha256(yaml).substring(0, 16) + "\"");
        }

        ResponseEntity<String> answer(MediaType type) {
            // The ETag lets WebFlux answer If-None-Match with 304; a new release has a new document and a new tag.
            return ResponseEntity.ok().contentType(type).eTag(etag)
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                    .body(type.equals(YAML) ? yaml : json);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
