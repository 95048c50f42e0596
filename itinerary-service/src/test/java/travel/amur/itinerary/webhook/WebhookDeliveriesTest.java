package travel.amur.itinerary.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.testing.MutableClock;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Trips;

/**
 * An agency's webhook receiver is told of its itineraries' events, signed, at least once and in order: it gets each
 * event after answering 500 twice, after being down for a while, and after itinerary-service restarted mid-retry.
 */
class WebhookDeliveriesTest {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    static WebTestClient itineraries;
    static MutableClock clock;
    final String agency = "hooked-" + UUID.randomUUID().toString().substring(0, 8);
    Receiver receiver;

    @BeforeAll
    static void platform() {
        itineraries = Platform.get().client(Platform.Service.ITINERARY);
        clock = Platform.get().clock();
    }

    @BeforeEach
    void receiver() throws IOException {
        receiver = new Receiver(0);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void each_event_arrives_signed_once_after_the_receiver_answered_500_twice_and_in_order() {
        receiver.failFirst = 2;
        Map<String, Object> webhook = register(receiver.url(), List.of("itinerary.status_changed"));
        receiver.secret = (String) webhook.get("secret");

        String trip = Trips.createdId(itineraries, agency, Trips.iceFestival("2027-08-25", "2027-09-01",
                Trips.travellers(2)));
        booked(trip);

        awaitMovingTheClock(() -> assertThat(receiver.acceptedStatuses()).containsExactly("PENDING", "CONFIRMED"));
        assertThat(receiver.badSignatures).as("every attempt is signed with the secret").isZero();
        assertThat(receiver.attemptsById).as("each delivery tried three times, its id the same each time")
                .hasSize(2).allSatisfy((id, attempts) -> assertThat(attempts.get()).isEqualTo(3));
        JsonNode event = receiver.accepted.get(1);
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("itinerary.status_changed");
        assertThat(event.get("subject").asString()).isEqualTo(trip);
        assertThat(event.get("data").get("itineraryId").asString()).isEqualTo(trip);

        List<Map<String, Object>> deliveries = deliveries(webhook);
        assertThat(deliveries).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("DELIVERED");
            assertThat(d.get("attempts")).isEqualTo(3);
            assertThat(d.get("lastStatus")).isEqualTo(200);
        });
        itineraries.get().uri("/api/webhooks/{id}/deliveries", webhook.get("id")).header("X-Agency-Id", "someone")
                .exchange().expectStatus().isNotFound();

        itineraries.post().uri("/api/webhooks/{id}/deliveries/{d}/redeliver", webhook.get("id"),
                        deliveries.get(0).get("id"))
                .header("X-Agency-Id", agency).exchange().expectStatus().isAccepted();
        awaitMovingTheClock(() -> assertThat(receiver.attemptsById.get(deliveries.get(0).get("id")).get())
                .as("redelivered under the same id").isEqualTo(4));
    }

    @Test
    void a_receiver_down_for_a_while_gets_the_event_when_it_is_back() throws IOException {
        Map<String, Object> webhook = register(receiver.url(), List.of("itinerary.status_changed"));
        receiver.secret = (String) webhook.get("secret");
        int port = receiver.port();
        receiver.stop();

        String trip = Trips.createdId(itineraries, agency, Trips.iceFestival("2027-08-25", "2027-09-01",
                Trips.travellers(1)));
        booked(trip);
        awaitMovingTheClock(() -> {
            List<Map<String, Object>> deliveries = deliveries(webhook);
            assertThat(deliveries).as("PENDING and CONFIRMED, newest first").hasSize(2);
            assertThat(deliveries.get(1)).satisfies(oldest -> {
                assertThat((Integer) oldest.get("attempts")).isGreaterThanOrEqualTo(2);
                assertThat(oldest.get("status")).isEqualTo("PENDING");
                assertThat((String) oldest.get("lastError")).contains("Connection refused");
                assertThat(oldest.get("nextAttemptAt")).isNotNull();
            });
            assertThat(deliveries.get(0).get("attempts")).as("the next event of the trip waits its turn")
                    .isEqualTo(0);
        });

        receiver = new Receiver(port);
        receiver.secret = (String) webhook.get("secret");
        awaitMovingTheClock(() -> assertThat(receiver.acceptedStatuses()).containsExactly("PENDING", "CONFIRMED"));
        assertThat(receiver.badSignatures).isZero();
    }

    @Test
    void deliveries_go_on_after_itinerary_service_restarts_mid_retry() {
        receiver.failFirst = Integer.MAX_VALUE;
        Map<String, Object> webhook = register(receiver.url(), List.of("itinerary.status_changed",
                "itinerary.disrupted"));
        receiver.secret = (String) webhook.get("secret");
        String trip = Trips.createdId(itineraries, agency, Trips.iceFestival("2027-08-25", "2027-09-01",
                Trips.travellers(1)));
        booked(trip);
        awaitMovingTheClock(() -> assertThat(receiver.attemptsById).isNotEmpty());

        Platform.get().stop(Platform.Service.ITINERARY);
        receiver.failFirst = 0;
        Platform.get().start(Platform.Service.ITINERARY);
        itineraries = Platform.get().client(Platform.Service.ITINERARY);

        awaitMovingTheClock(() -> assertThat(receiver.acceptedStatuses()).containsExactly("PENDING", "CONFIRMED"));
        assertThat(receiver.acceptedIds()).as("each delivered once").doesNotHaveDuplicates();
    }

    @Test
    void a_webhook_must_point_at_a_public_https_address_and_name_known_events() {
        register("http://example.com/hook", List.of("itinerary.status_changed"), 400, "url");
        register("https://10.1.2.3/hook", List.of("itinerary.status_changed"), 400, "url");
        register("https://169.254.169.254/latest/meta-data", List.of("itinerary.status_changed"), 400, "url");
        register("https://[::1]/hook", List.of("itinerary.status_changed"), 400, "url");
        register(receiver.url(), List.of("itinerary.everything"), 400, "events[0]");
        register(receiver.url(), List.of(), 400, "events");

        Map<String, Object> webhook = register(receiver.url(), List.of("itinerary.disrupted"));
        assertThat((String) webhook.get("secret")).startsWith("whsec_").hasSize(6 + 64);
        itineraries.get().uri("/api/webhooks").header("X-Agency-Id", agency).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(webhook.get("id"))
                .jsonPath("$[0].secret").doesNotExist();
        itineraries.get().uri("/api/webhooks").header("X-Agency-Id", agency + "-other").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        itineraries.delete().uri("/api/webhooks/{id}", webhook.get("id")).header("X-Agency-Id", agency + "-other")
                .exchange().expectStatus().isNotFound();
        itineraries.delete().uri("/api/webhooks/{id}", webhook.get("id")).header("X-Agency-Id", agency)
                .exchange().expectStatus().isNoContent();
    }

    /**
     * Books the trip and waits, with the clock standing still, until it is CONFIRMED: moving the clock only after
     * keeps the booking's own deadline out of the way.
     */
    private void booked(String trip) {
        Trips.book(itineraries, agency, trip).expectStatus().isAccepted();
        await().atMost(WITHIN).until(() -> "CONFIRMED".equals(Trips.status(itineraries, agency, trip)));
    }

    private void awaitMovingTheClock(org.awaitility.core.ThrowingRunnable assertion) {
        // The platform's clock stands still unless moved: each look moves it on by a second, so retries fall due.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(1));
            assertion.run();
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> register(String url, List<String> events) {
        return itineraries.post().uri("/api/webhooks").header("X-Agency-Id", agency)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "events", events)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void register(String url, List<String> events, int status, String field) {
        itineraries.post().uri("/api/webhooks").header("X-Agency-Id", agency)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "events", events)).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(Map<String, Object> webhook) {
        return itineraries.get().uri("/api/webhooks/{id}/deliveries", webhook.get("id")).header("X-Agency-Id", agency)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    /** A webhook receiver as an agency would run one: it checks every signature and may answer 500 at first. */
    static final class Receiver {

        final HttpServer server;
        volatile String secret;
        volatile int failFirst;
        final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
        final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        final List<String> acceptedIdList = new CopyOnWriteArrayList<>();
        volatile int badSignatures;

        Receiver(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("Amur-Webhook-Id");
                if (!signed(exchange.getRequestHeaders().getFirst("Amur-Signature"), body)) {
                    badSignatures++;
                }
                int attempt = attemptsById.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                int status = attempt <= failFirst ? 500 : 200;
                if (status == 200) {
                    accepted.add(JSON.readTree(body));
                    acceptedIdList.add(id);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/hook";
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        List<String> acceptedStatuses() {
            return accepted.stream().map(event -> event.get("data").get("status").asString()).toList();
        }

        List<String> acceptedIds() {
            return List.copyOf(acceptedIdList);
        }

        private boolean signed(String header, String body) {
            if (header == null || secret == null) {
                return false;
            }
            Map<String, String> parts = new ConcurrentHashMap<>();
            for (String part : header.split(",")) {
                String[] kv = part.split("=", 2);
                parts.put(kv[0], kv[1]);
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = HexFormat.of().formatHex(mac.doFinal((parts.get("t") + "." + body)
                        .getBytes(StandardCharsets.UTF_8)));
                return expected.equals(parts.get("v1"));
            } catch (Exception e) {
                return false;
            }
        }
    }
}
