package travel.amur.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.deploy.bench.AmurClient;

/**
 * A confirmed ice-festival trip loses its outbound flight, on a running local stack: the phone following the trip
 * sees the disruption on its event stream, the agency's webhook receiver gets it signed, the agency accepts the next
 * flight, and the trip ends CONFIRMED on it with the old seats released. Afterwards the trip is cancelled, the flight
 * reinstated, the webhook removed and the entry policy put back as they were found.
 *
 * <p>Run: {@code ./mvnw -B -Pe2e -pl deploy -am verify} on a stack started by {@code deploy/local/run.sh}.
 */
class DisruptedTripE2E {

    private static final String TRIAL = "/api/visa/policies/CN-RU-VISA-FREE-TRIAL";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String gateway;
    static String agencyKey;
    static AmurClient agency;
    static AmurClient ops;
    static String trialEnd;
    static HttpServer receiver;
    static String secret;
    static String webhook;
    static String trip;
    static String cancelledFlight;
    static final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    static final AtomicInteger badSignatures = new AtomicInteger();

    /** Out on a Wednesday, back the Wednesday after; the Saturday flight between is the alternative. */
    record Flights(LocalDate outboundDate, String outbound, String inbound, String saturday) {
    }

    @BeforeAll
    static void agencyOperationsAndReceiver() throws IOException {
        gateway = System.getProperty("amur.gateway", "http://127.0.0.1:8080");
        Properties keys = AmurClient.demoKeys(Path.of(System.getProperty("amur.demo-keys", "local/demo-keys.env")));
        agencyKey = keys.getProperty("AMUR_DEMO_KEY_TAIGA");
        agency = new AmurClient(gateway, agencyKey).checkingEach(Contract::check);
        ops = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_OPS")).checkingEach(Contract::check);
        trialEnd = ops.get(TRIAL).expect(200).body().path("entryTo").asString();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/amur", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!signed(exchange.getRequestHeaders().getFirst("Amur-Signature"), body)) {
                badSignatures.incrementAndGet();
            }
            delivered.add(JSON.readTree(body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        JsonNode registered = agency.post("/api/webhooks", Map.of("url", "http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hooks/amur",
                "events", List.of("itinerary.status_changed", "itinerary.disrupted")), UUID.randomUUID().toString())
                .expect(201).body();
        webhook = registered.path("id").asString();
        secret = registered.path("secret").asString();
    }

    @AfterAll
    static void leaveTheDataAsFound() {
        if (trip != null) {
            agency.post("/api/itineraries/" + trip + "/cancel", Map.of(), null);
        }
        if (cancelledFlight != null) {
            ops.post("/api/flights/" + cancelledFlight + "/disruptions", Map.of("type", "REINSTATED", "reason",
                    "end-to-end test: cancellation revoked"), UUID.randomUUID().toString()).expect(201);
        }
        if (webhook != null) {
            agency.delete("/api/webhooks/" + webhook).expect(204);
        }
        if (ops != null && trialEnd != null) {
            ops.patch(TRIAL, Map.of("entryTo", trialEnd)).expect(200);
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void a_cancelled_outbound_flight_is_seen_on_the_stream_and_at_the_webhook_and_the_trip_moves_to_the_next_flight() {
        Flights flights = januaryFlights();
        ops.patch(TRIAL, Map.of("entryTo", flights.outboundDate().plusMonths(2).toString())).expect(200);
        trip = confirmedTrip(flights);
        int oldSeats = freeSeats(flights.outbound());
        int newSeats = freeSeats(flights.saturday());

        List<String> events = new CopyOnWriteArrayList<>();
        List<JsonNode> disruptionEvents = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> following = follow(trip, events, disruptionEvents);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("status"));
            ops.post("/api/flights/" + flights.outbound() + "/disruptions", Map.of("type", "CANCELLED",
                    "reason", "aircraft unavailable"), UUID.randomUUID().toString()).expect(201);
            cancelledFlight = flights.outbound();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(disruptionEvents)
                    .as("the phone following the trip is told within 5 s")
                    .anySatisfy(event -> assertThat(event.path("type").asString()).isEqualTo("FLIGHT_CANCELLED")));
        } finally {
            following.cancel(true);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(delivered)
                .as("the agency's receiver gets the disruption, signed")
                .anySatisfy(event -> {
                    assertThat(event.path("type").asString()).isEqualTo("itinerary.disrupted");
                    assertThat(event.path("subject").asString()).isEqualTo(trip);
                    assertThat(event.path("data").path("type").asString()).isEqualTo("FLIGHT_CANCELLED");
                }));
        assertThat(badSignatures).hasValue(0);

        JsonNode disruption = await().atMost(Duration.ofSeconds(15)).until(() -> agency.get("/api/itineraries/"
                + trip).expect(200).body().path("disruptions").get(0), d -> d != null && d.path("alternativesReady")
                .asBoolean());
        JsonNode nextFlight = null;
        for (JsonNode alternative : disruption.path("alternatives")) {
            if (flights.saturday().equals(alternative.path("flight").path("flightId").asString())) {
                nextFlight = alternative;
            }
        }
        assertThat(nextFlight).as("the Saturday flight is offered: %s", disruption.path("alternatives")).isNotNull();
        agency.post("/api/itineraries/" + trip + "/disruptions/" + disruption.path("id").asString() + "/accept",
                Map.of("alternativeId", nextFlight.path("id").asString()), UUID.randomUUID().toString()).expect(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode now = agency.get("/api/itineraries/" + trip).expect(200).body();
            assertThat(now.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(now.path("outboundFlight").path("flightId").asString()).isEqualTo(flights.saturday());
            assertThat(now.path("disruptions").get(0).path("status").asString()).isEqualTo("RESOLVED");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(freeSeats(flights.saturday())).as("three seats sold on the new flight").isEqualTo(newSeats - 3);
            assertThat(freeSeats(flights.outbound())).as("the old seats released").isEqualTo(oldSeats + 3);
        });
    }

    /** Drafts the 4-day ice-festival package for a family of three and books it; answers once it is CONFIRMED. */
    private static String confirmedTrip(Flights flights) {
        List<Map<String, Object>> family = List.of(
                AmurClient.traveller("Pavel", "Orlov", "ORDINARY", "1982-04-19"),
                AmurClient.traveller("Irina", "Orlova", "ORDINARY", "1985-11-02"),
                AmurClient.traveller("Sonya", "Orlova", "ORDINARY", "2014-07-23"));
        String id = agency.post("/api/itineraries", AmurClient.trip(flights.outbound(), flights.inbound(), family,
                flights.outboundDate()), null).expect(201).body().path("id").asString();
        agency.post("/api/itineraries/" + id + "/book", Map.of(), UUID.randomUUID().toString()).expect(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> agency.get("/api/itineraries/" + id).expect(200).body()
                .path("status").asString(), status -> status.equals("CONFIRMED") || status.equals("REJECTED"));
        assertThat(agency.get("/api/itineraries/" + id).expect(200).body().path("status").asString())
                .isEqualTo("CONFIRMED");
        return id;
    }

    /** Follows the trip's event stream (follow=true), collecting each event's name and each disruption's data. */
    private static CompletableFuture<Void> follow(String id, List<String> events, List<JsonNode> disruptions) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/itineraries/" + id
                        + "/events?follow=true")).header("X-API-Key", agencyKey).header("Accept", "text/event-stream")
                .GET().build();
        String[] event = {""};
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                        events.add(event[0]);
                    } else if (line.startsWith("data:") && event[0].equals("disruption")) {
                        disruptions.add(JSON.readTree(line.substring(5)));
                    }
                }));
    }

    private static int freeSeats(String flightId) {
        return agency.get("/api/flights/" + flightId).expect(200).body().path("cabins").get(0)
                .path("seatsAvailable").asInt();
    }

    /**
     * The second January Wednesday at least a week away (the first is the ice-festival test's) with the Saturday and
     * the next Wednesday flights on sale.
     */
    private static Flights januaryFlights() {
        LocalDate today = LocalDate.now();
        int found = 0;
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            for (LocalDate day = LocalDate.of(year, Month.JANUARY, 1); day.getMonthValue() == 1; day = day.plusDays(1)) {
                if (day.getDayOfWeek() != DayOfWeek.WEDNESDAY || day.getDayOfMonth() < 5
                        || !day.isAfter(today.plusDays(7))) {
                    continue;
                }
                String out = agency.flight("UUS", "HRB", day);
                String saturday = agency.flight("UUS", "HRB", day.plusDays(3));
                String back = agency.flight("HRB", "UUS", day.plusDays(7));
                if (out != null && saturday != null && back != null && ++found == 2) {
                    return new Flights(day, out, back, saturday);
                }
            }
        }
        throw new IllegalStateException("no second January Wednesday with UUS-HRB flights that Saturday and back "
                + "the Wednesday after");
    }

    private static boolean signed(String header, String body) {
        if (header == null || secret == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8))).equals(v1);
        } catch (Exception e) {
            return false;
        }
    }
}
