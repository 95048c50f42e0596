package travel.amur.deploy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of Amur's public API through the gateway, for the benchmarks and the end-to-end test. */
public final class AmurClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String apiKey;
    private volatile ResponseCheck check = (method, path, status, contentType, body) -> { };

    /** Looks at every answer; the end-to-end tests hold each against the API document. */
    @FunctionalInterface
    public interface ResponseCheck {
        void check(String method, String path, int status, String contentType, byte[] body);
    }

    public AmurClient(String gateway, String apiKey) {
        this.gateway = gateway.replaceAll("/$", "");
        this.apiKey = apiKey;
    }

    /** This client, handing every answer it receives (not the event streams) to {@code check}. */
    public AmurClient checkingEach(ResponseCheck check) {
        this.check = check;
        return this;
    }

    /** The demo keys of the local stack, from {@code deploy/local/demo-keys.env}. */
    public static Properties demoKeys(Path file) {
        Properties keys = new Properties();
        try {
            keys.load(Files.newBufferedReader(file));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** An answer: status and body. */
    public record Answer(int status, JsonNode body) {

        public Answer expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    public Answer post(String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Answer patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /**
     * A PATCH that must land, such as putting back a policy a benchmark changed: retried through passing outages
     * (connection refused, 502/503/504) for up to {@code patience}.
     */
    public Answer patchPatiently(String path, Object body, Duration patience) {
        return patiently("PATCH " + path, () -> patch(path, body), patience);
    }

    /** A POST that must land, such as a benchmark's cancellations: retried like {@link #patchPatiently}. */
    public Answer postPatiently(String path, Object body, String idempotencyKey, Duration patience) {
        return patiently("POST " + path, () -> post(path, body, idempotencyKey), patience);
    }

    /** A DELETE that must land, such as discarding a benchmark's drafts: retried like {@link #patchPatiently}. */
    public Answer deletePatiently(String path, Duration patience) {
        return patiently("DELETE " + path, () -> delete(path), patience);
    }

    private static Answer patiently(String what, Supplier<Answer> send, Duration patience) {
        long giveUp = System.nanoTime() + patience.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < giveUp) {
            try {
                Answer answer = send.get();
                if (answer.status() < 500 && answer.status() != 429) {
                    return answer;
                }
                last = new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
            } catch (UncheckedIOException e) {
                last = e;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw last != null ? last : new IllegalStateException(what + " not sent");
    }

    public CompletableFuture<Answer> postAsync(String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(this::answer);
    }

    /**
     * Opens an itinerary's event stream and hands each {@code status} event's status to {@code onStatus}, until it
     * answers true (the watch is over) and the connection is closed.
     */
    public CompletableFuture<Void> watch(String itineraryId, Predicate<String> onStatus) {
        HttpRequest request = request("/api/itineraries/" + itineraryId + "/events")
                .header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (var lines = response.body()) {
                        lines.filter(line -> line.startsWith("data:"))
                                .map(line -> parse(line.substring(5)).path("status").asString())
                                .filter(onStatus)
                                .findFirst();
                    }
                });
    }

    /** The first flight of a route on a day, or null. */
    public String flight(String origin, String destination, LocalDate date) {
        JsonNode offers = get("/api/flights/search?origin=" + origin + "&destination=" + destination + "&date=" + date)
                .expect(200).body().path("offers");
        return offers.isEmpty() ? null : offers.get(0).path("flightId").asString();
    }

    /** A Russian traveller with a passport valid for six more years (a made-up number: never log real ones). */
    public static Map<String, Object> traveller(String first, String last, String passportType, String birthDate) {
        return Map.of("firstName", first, "lastName", last, "nationality", "RU", "passportType", passportType,
                "passportNumber", String.format("75%07d", ThreadLocalRandom.current().nextInt(10_000_000)),
                "passportExpiry", LocalDate.now().plusYears(6).toString(), "birthDate", birthDate);
    }

    public static Map<String, Object> trip(String outbound, String inbound, List<Map<String, Object>> travellers,
            LocalDate packageStart) {
        return packageStart == null
                ? Map.of("destination", "CN", "purpose", "TOURISM", "travellers", travellers,
                        "outboundFlightId", outbound, "returnFlightId", inbound, "activities", List.of())
                : Map.of("destination", "CN", "purpose", "TOURISM", "travellers", travellers,
                        "outboundFlightId", outbound, "returnFlightId", inbound,
                        "package", Map.of("packageId", "harbin-ice-festival-4d", "startDate", packageStart.toString()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey);
    }

    private Answer send(HttpRequest request) {
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer answer(HttpResponse<String> response) {
        check.check(response.request().method(), response.request().uri().getPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode().put("raw", body);
        }
    }
}
