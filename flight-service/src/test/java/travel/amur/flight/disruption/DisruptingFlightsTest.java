package travel.amur.flight.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.event.Topics;
import travel.amur.common.testing.EventContract;
import travel.amur.common.testing.TopicRecorder;
import travel.amur.flight.support.FlightServiceTest;
import travel.amur.flight.support.TestClock;

/** Operations cancel and retime flights: what the flight, its sales and its holds become, and what is announced. */
@FlightServiceTest
class DisruptingFlightsTest {

    static TopicRecorder flightEvents;

    @Autowired WebTestClient web;

    @BeforeAll
    static void record(@Value("${spring.kafka.bootstrap-servers}") String kafka) {
        flightEvents = new TopicRecorder(kafka, Topics.FLIGHT_EVENTS);
    }

    @AfterAll
    static void stopRecording() {
        flightEvents.close();
    }

    @Test
    void a_cancelled_flight_sells_no_more_seats_and_its_cancellation_is_announced_once() {
        UUID flight = TestClock.flight("HZ4698", "2027-06-02");
        String key = UUID.randomUUID().toString();
        Map<String, Object> cancel = Map.of("type", "CANCELLED", "reason", "aircraft unavailable");

        String id = disrupt(flight, key, cancel).expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/api/flights/" + flight + "/disruptions/"))
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        disrupt(flight, key, cancel).expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(id);

        web.get().uri("/api/flights/{id}", flight).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        web.get().uri("/api/flights/search?origin=UUS&destination=HRB&date=2027-06-02").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.offers[?(@.flightId == '" + flight + "')]").doesNotExist();
        hold(flight).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/flight-cancelled");
        disrupt(flight, UUID.randomUUID().toString(), cancel).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/flight-cancelled");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> announced(flight).size() == 1);
        TopicRecorder.Message event = announced(flight).get(0);
        assertThat(event.dataText("type")).isEqualTo("CANCELLED");
        assertThat(event.dataText("disruptionId")).isEqualTo(id);
        EventContract.get().check(event.envelope().toString());
    }

    @Test
    void a_reinstated_flight_is_on_sale_again_and_only_a_cancelled_one_can_be_reinstated() {
        UUID flight = TestClock.flight("HZ4698", "2027-06-23");
        Map<String, Object> reinstate = Map.of("type", "REINSTATED", "reason", "cancellation revoked");
        disrupt(flight, UUID.randomUUID().toString(), reinstate).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/flight-not-cancelled");
        disrupt(flight, UUID.randomUUID().toString(), Map.of("type", "CANCELLED", "reason", "crew"))
                .expectStatus().isCreated();
        disrupt(flight, UUID.randomUUID().toString(), Map.of("type", "REINSTATED", "reason", "x",
                "departure", "2027-06-23T14:00:00+11:00")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("departure");

        disrupt(flight, UUID.randomUUID().toString(), reinstate).expectStatus().isCreated()
                .expectBody().jsonPath("$.type").isEqualTo("REINSTATED");

        web.get().uri("/api/flights/{id}", flight).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
        web.get().uri("/api/flights/search?origin=UUS&destination=HRB&date=2027-06-23").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.offers[?(@.flightId == '" + flight + "')]").exists();
        String hold = (String) hold(flight).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("holdId");
        web.delete().uri("/api/flights/holds/{id}", hold).header("X-Agency-Id", "taiga-travel").exchange()
                .expectStatus().is2xxSuccessful();
        await().atMost(Duration.ofSeconds(10)).until(() -> announced(flight).stream()
                .anyMatch(event -> "REINSTATED".equals(event.dataText("type"))));
    }

    @Test
    void a_retimed_flight_keeps_its_holds_at_its_new_times() {
        UUID flight = TestClock.flight("HZ4698", "2027-06-09");
        String holdId = hold(flight).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("holdId").toString();

        disrupt(flight, UUID.randomUUID().toString(), Map.of("type", "RETIMED", "reason", "slot moved",
                "departure", "2027-06-09T16:30:00+11:00", "arrival", "2027-06-09T16:25:00+08:00"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.departure").isEqualTo("2027-06-09T05:30:00Z")
                .jsonPath("$.previousDeparture").isEqualTo("2027-06-09T03:00:00Z");

        web.get().uri("/api/flights/{id}", flight).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.departure").isEqualTo("2027-06-09T16:30:00+11:00");
        web.get().uri("/api/flights/holds/{id}", holdId).header("X-Agency-Id", "taiga-travel").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("HELD");
        await().atMost(Duration.ofSeconds(10)).until(() -> announced(flight).size() == 1);
        assertThat(announced(flight).get(0).dataText("departure")).isEqualTo("2027-06-09T05:30:00Z");
    }

    @Test
    void bad_input_a_departed_or_unknown_flight_and_a_caller_without_ops_are_refused_and_change_nothing() {
        UUID flight = TestClock.flight("HZ4698", "2027-06-16");
        disrupt(flight, UUID.randomUUID().toString(), Map.of("type", "RETIMED", "reason", "slot moved",
                "departure", "2027-06-16T16:30:00+11:00", "arrival", "2027-06-16T12:00:00+08:00"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("arrival");
        disrupt(flight, UUID.randomUUID().toString(), Map.of("reason", "no type"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        disrupt(flight, UUID.randomUUID().toString(), Map.of("type", "DELAYED", "reason", "x"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        disrupt(UUID.randomUUID(), UUID.randomUUID().toString(), Map.of("type", "CANCELLED", "reason", "x"))
                .expectStatus().isNotFound();
        // Sunday 3 January 2027 in Krasnoyarsk: before the clock's Monday.
        disrupt(TestClock.flight("SU6405", "2027-01-03"), UUID.randomUUID().toString(),
                Map.of("type", "CANCELLED", "reason", "x"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/flight-departed");
        web.post().uri("/api/flights/{id}/disruptions", flight).header("X-Roles", "AGENT")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "CANCELLED", "reason", "x")).exchange()
                .expectStatus().isForbidden();

        web.get().uri("/api/flights/{id}", flight).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
        assertThat(announced(flight)).isEmpty();
    }

    private List<TopicRecorder.Message> announced(UUID flight) {
        return flightEvents.matching(m -> flight.toString().equals(m.key())
                && TopicRecorder.ofType("FlightDisrupted").test(m));
    }

    private WebTestClient.ResponseSpec disrupt(UUID flight, String key, Map<String, Object> body) {
        return web.post().uri("/api/flights/{id}/disruptions", flight)
                .header("X-Roles", "OPS,AGENT").header("X-User-Id", "ops.duty").header("X-Agency-Id", "amur-ops")
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec hold(UUID flight) {
        return web.post().uri("/api/flights/holds").header("X-Agency-Id", "taiga-travel")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("flightId", flight.toString(), "passengers", 1)).exchange();
    }
}
