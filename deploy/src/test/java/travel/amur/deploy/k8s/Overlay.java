package travel.amur.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Kustomize overlay of deploy/k8s as {@code kubectl kustomize} renders it: one JSON tree per object. */
record Overlay(String name, List<ObjectNode> objects) {

    static final Path K8S = Path.of(System.getProperty("basedir", "."), "k8s");

    static Overlay render(String name) {
        return new Overlay(name, parse(kustomize(K8S.resolve("overlays").resolve(name))));
    }

    static List<ObjectNode> parse(String yaml) {
        try {
            List<ObjectNode> objects = new ArrayList<>();
            for (JsonNode document : new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kustomize(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no overlay at " + dir.toAbsolutePath());
        }
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(kubectl.getErrorStream()));
            String out = read(kubectl.getInputStream());
            if (!kubectl.waitFor(60, TimeUnit.SECONDS)) {
                kubectl.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + errors.join());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (with its built-in Kustomize) is needed to check deploy/k8s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    ObjectNode named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(nameOf(o))).findFirst()
                .orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + nameOf(object);
    }
}
