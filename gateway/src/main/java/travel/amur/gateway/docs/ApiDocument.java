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
 * The public API document (OpenAPI 3.1, from common's {@code openapi/amur-api.yaml}): the one contract of every
 * service behind the gateway, served as written (YAML) and as JSON, open without a key. Read once at start-up.
 */
@RestController
class ApiDocument {

    static final String RESOURCE = "openapi/amur-api.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] yaml;
    private final byte[] json;
    private final String etag;

    ApiDocument() {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json = JsonMapper.builder().build().writeValueAsBytes(YAMLMapper.builder().build().readTree(yaml));
        etag = "\"" + sha256(yaml).substring(0, 16) + "\"";
    }

    @GetMapping(path = "/api/openapi.yaml", produces = "application/yaml")
    ResponseEntity<String> asYaml() {
        return answer(YAML, new String(yaml, StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> asJson() {
        return answer(MediaType.APPLICATION_JSON, new String(json, StandardCharsets.UTF_8));
    }

    private ResponseEntity<String> answer(MediaType type, String body) {
        // The ETag lets WebFlux answer If-None-Match with 304; a new release has a new document, hence a new tag.
        return ResponseEntity.ok().contentType(type).eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(body);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
