package travel.amur.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import travel.amur.common.web.ProblemException;

/**
 * The Swagger UI of the public API document at {@code /api/docs}, open without a key. Its files are read from the
 * swagger-ui webjar once, at start-up: WebFlux's static resource handling opens the jar on an event loop per request.
 */
@RestController
class SwaggerUi {

    private static final String WEBJAR = "classpath*:META-INF/resources/webjars/swagger-ui/*/";
    private static final Map<String, MediaType> FILES = Map.of(
            "swagger-ui.css", MediaType.parseMediaType("text/css"),
            "index.css", MediaType.parseMediaType("text/css"),
            "swagger-ui-bundle.js", MediaType.parseMediaType("text/javascript"),
            "swagger-ui-standalone-preset.js", MediaType.parseMediaType("text/javascript"),
            "favicon-32x32.png", MediaType.IMAGE_PNG,
            "favicon-16x16.png", MediaType.IMAGE_PNG);
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Amur API</title>
              <link rel="stylesheet" href="/api/docs/swagger-ui.css">
              <link rel="stylesheet" href="/api/docs/index.css">
              <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/api/docs/swagger-ui-bundle.js"></script>
              <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
              <script src="/api/docs/initializer.js"></script>
            </body>
            </html>
            """;
    private static final String INITIALIZER = """
            window.ui = SwaggerUIBundle({
              url: "/api/openapi.json",
              dom_id: "#swagger-ui",
              deepLinking: true,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "StandaloneLayout"
            });
            """;

    private final Map<String, byte[]> files = new HashMap<>();

    SwaggerUi() {
        try {
            for (String name : FILES.keySet()) {
                Resource[] found = new PathMatchingResourcePatternResolver().getResources(WEBJAR + name);
                if (found.length == 0) {
                    throw new IllegalStateException("the swagger-ui webjar has no " + name);
                }
                files.put(name, found[0].getContentAsByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/api/docs", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping(path = "/api/docs/initializer.js")
    ResponseEntity<String> initializer() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript")).body(INITIALIZER);
    }

    @GetMapping(path = "/api/docs/{file:.+\\.(?:css|js|png)}")
    ResponseEntity<byte[]> file(@PathVariable String file) {
        byte[] content = files.get(file);
        if (content == null) {
            throw ProblemException.notFound("no " + file + " in the API documentation");
        }
        return ResponseEntity.ok().contentType(FILES.get(file))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(content);
    }
}
