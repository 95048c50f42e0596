package travel.amur.flight.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.testing.MutableClock;
import travel.amur.common.testing.TopicRecorder;
import travel.amur.common.event.Topics;
import travel.amur.flight.support.FlightServiceTest;
import travel.amur.flight.support.TestClock;

/**
 * Holds over HTTP. Each test uses its own flight; the clock stands at 4 January 2027 and only the expiry test moves
 * it (forward, which the other tests' later flights do not mind).
 */
@FlightServiceTest
class HoldingSeatsTest {

    static final String TAIGA = "taiga-travel";
    static final String SONGHUA = "songhua-tours";

    static TopicRecorder flightEvents;

    @Autowired WebTestClient web;
    @Autowired MutableClock clock;

    @BeforeAll
    static void record(@Value("${spring.kafka.bootstrap-servers}") String kafka) {
        flightEvents = new TopicRecorder(kafka, Topics.FLIGHT_EVENTS);
    }

    @AfterAll
    static void stopRecording() {
        flightEvents.close();
    }

    @Test
    void an_agency_holds_two_seats_for_fifteen_minutes_at_the_fare_for_two() {
        UUID flight = TestClock.flight("HZ4698", "2027-01-13");

        hold(TAIGA, flight, "2").expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/flights/holds/"))
                .expectBody()
                .jsonPath("$.status").isEqualTo("HELD")
                .jsonPath("$.seats").isEqualTo(2)
                .jsonPath("$.flightNumber").isEqualTo("HZ4698")
                .jsonPath("$.total.amount").isEqualTo(25000.0)
                .jsonPath("$.total.currency").isEqualTo("RUB")
                .jsonPath("$.expiresAt").isEqualTo(clock.instant().plus(Duration.ofMinutes(15)).toString());

        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(68);
    }

    @Test
    void passengers_may_be_given_by_name() {
        UUID flight = TestClock.flight("HZ4699", "2027-01-13");

        hold(TAIGA, flight, "[\"Ivan Petrov\", \"Maria Petrova\", \"Alexei Petrov\"]").expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.seats").isEqualTo(3)
                .jsonPath("$.passengerNames[2]").isEqualTo("Alexei Petrov")
                .jsonPath("$.total.currency").isEqualTo("CNY");
        post(TAIGA, UUID.randomUUID().toString(), "{\"flightId\": \"" + flight + "\", \"passengerNames\": "
                + "[\"Anna Ivanova\", \"Oleg Ivanov\"]}").expectStatus().isCreated()
                .expectBody().jsonPath("$.seats").isEqualTo(2).jsonPath("$.passengerNames[1]").isEqualTo("Oleg Ivanov");
        post(TAIGA, UUID.randomUUID().toString(), "{\"flightId\": \"" + flight + "\", \"passengers\": 3, "
                + "\"passengerNames\": [\"Anna Ivanova\"]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("passengers");
        post(TAIGA, UUID.randomUUID().toString(), "{\"flightId\": \"" + flight + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("passengers");
    }

    @Test
    void passengers_outside_one_to_fifty_or_not_a_count_or_names_are_a_400_naming_the_field() {
        UUID flight = TestClock.flight("HZ4698", "2027-01-13");

        for (String passengers : new String[] {"0", "51", "\"two\"", "[]", "[\"\"]", "{}"}) {
            hold(TAIGA, flight, passengers).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").value(field ->
                            assertThat((String) field).startsWith("passengers"));
        }
    }

    @Test
    void an_unknown_flight_is_a_400_naming_the_flight() {
        hold(TAIGA, UUID.randomUUID(), "1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("flightId");
    }

    @Test
    void a_malformed_flight_id_or_cabin_is_a_400() {
        post(TAIGA, UUID.randomUUID().toString(), "{\"flightId\": \"HZ4698\", \"passengers\": 1}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("flightId");
        post(TAIGA, UUID.randomUUID().toString(), "{\"flightId\": \"" + TestClock.flight("HZ4698", "2027-01-13")
                + "\", \"passengers\": 1, \"cabin\": \"FIRST\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cabin");
    }

    @Test
    void a_hold_without_an_idempotency_key_is_a_400() {
        web.post().uri("/api/flights/holds").header("X-Agency-Id", TAIGA)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(TestClock.flight("HZ4698", "2027-01-13"), "1"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void a_retried_hold_is_answered_from_the_first_and_holds_no_more_seats() {
        UUID flight = TestClock.flight("IO775", "2027-01-13");
        String key = UUID.randomUUID().toString();

        String first = post(TAIGA, key, body(flight, "2")).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        String retry = post(TAIGA, key, body(flight, "2")).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult().getResponseBody();
        post(TAIGA, key, body(flight, "3")).expectStatus().isEqualTo(422);

        assertThat(retry).isEqualTo(first);
        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(73);
    }

    @Test
    void another_agencys_hold_does_not_exist_for_you() {
        String hold = holdId(hold(TAIGA, TestClock.flight("IO776", "2027-01-13"), "1"));

        web.get().uri("/api/flights/holds/{id}", hold).header("X-Agency-Id", SONGHUA).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/flights/holds/{id}/confirm", hold).header("X-Agency-Id", SONGHUA).exchange()
                .expectStatus().isNotFound();
        web.delete().uri("/api/flights/holds/{id}", hold).header("X-Agency-Id", SONGHUA).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/flights/holds/{id}", hold).header("X-Agency-Id", TAIGA).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("HELD");
    }

    @Test
    void confirming_sells_the_seats_and_confirming_again_answers_the_same() {
        UUID flight = TestClock.flight("R3533", "2027-01-14");
        String hold = holdId(hold(TAIGA, flight, "2"));

        confirm(TAIGA, hold).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        confirm(TAIGA, hold).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");

        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(73);
        flightEvents.await(m -> hold.equals(m.key()) && TopicRecorder.ofType("SeatsConfirmed").test(m),
                Duration.ofSeconds(10));
    }

    @Test
    void releasing_gives_the_seats_back_even_after_confirmation() {
        UUID flight = TestClock.flight("R3534", "2027-01-14");
        String held = holdId(hold(TAIGA, flight, "2"));
        String sold = holdId(hold(TAIGA, flight, "3"));
        confirm(TAIGA, sold).expectStatus().isOk();

        release(TAIGA, held).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        release(TAIGA, sold).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        release(TAIGA, sold).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");

        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(75);
    }

    @Test
    void a_hold_nobody_confirms_expires_by_itself_its_seats_go_back_and_it_can_no_longer_be_confirmed() {
        UUID flight = TestClock.flight("U62823", "2027-01-19");
        String hold = holdId(hold(TAIGA, flight, "4"));
        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(146);

        clock.advance(Duration.ofMinutes(16));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/api/flights/holds/{id}", hold).header("X-Agency-Id", TAIGA).exchange()
                        .expectBody().jsonPath("$.status").isEqualTo("EXPIRED"));
        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(150);
        flightEvents.await(m -> hold.equals(m.key()) && TopicRecorder.ofType("HoldExpired").test(m),
                Duration.ofSeconds(10));
        confirm(TAIGA, hold).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/hold-expired");
    }

    @Test
    void many_holds_expiring_at_once_all_give_their_seats_back() {
        UUID flight = TestClock.flight("U62824", "2027-01-26");
        for (int i = 0; i < 45; i++) {
            hold(SONGHUA, flight, "1").expectStatus().isCreated();
        }
        assertThat(seatsAvailable(flight, "ECONOMY")).isEqualTo(105);

        clock.advance(Duration.ofMinutes(16));

        await().atMost(Duration.ofSeconds(15)).until(() -> seatsAvailable(flight, "ECONOMY") == 150);
    }

    @Test
    void more_passengers_than_free_seats_is_a_409_saying_how_many_are_left() {
        UUID flight = TestClock.flight("SU6405", "2027-01-12");

        hold(TAIGA, flight, "9", "BUSINESS").expectStatus().isCreated();
        hold(TAIGA, flight, "4", "BUSINESS").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://amur.travel/problems/seats-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("only 3"));
        hold(TAIGA, flight, "3", "BUSINESS").expectStatus().isCreated();
    }

    @Test
    void a_departed_flight_cannot_be_held() {
        // Sunday 3 January 2027, 08:15 in Krasnoyarsk: before the clock's Monday.
        hold(TAIGA, TestClock.flight("SU6405", "2027-01-03"), "1").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/flight-departed");
    }

    @Test
    void an_agency_lists_its_own_holds_only() {
        String mine = holdId(hold(SONGHUA, TestClock.flight("IO731", "2027-01-08"), "1"));

        web.get().uri("/api/flights/holds?status=HELD").header("X-Agency-Id", SONGHUA).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.holdId == '" + mine + "')]").exists()
                .jsonPath("$[?(@.flightNumber == 'R3533')]").doesNotExist();
    }

    @Test
    void holds_come_in_pages_with_their_total_and_a_page_out_of_bounds_is_a_400_naming_the_parameter() {
        String agency = "paging-" + UUID.randomUUID();
        List<String> placed = List.of(holdId(hold(agency, TestClock.flight("IO731", "2027-01-08"), "1")),
                holdId(hold(agency, TestClock.flight("IO731", "2027-01-08"), "1")));
        List<String> listed = new ArrayList<>();

        web.get().uri("/api/flights/holds?size=1").header("X-Agency-Id", agency).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "2")
                .expectHeader().valueEquals(HttpHeaders.LINK, "</api/flights/holds?page=0&size=1>; rel=\"first\", "
                        + "</api/flights/holds?page=1&size=1>; rel=\"next\", "
                        + "</api/flights/holds?page=1&size=1>; rel=\"last\"")
                .expectBody().jsonPath("$[0].holdId").value(String.class, listed::add);
        web.get().uri("/api/flights/holds?size=1&page=1").header("X-Agency-Id", agency).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].holdId").value(String.class, listed::add);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(placed);
        for (String query : List.of("size=0", "size=101", "page=-1")) {
            web.get().uri("/api/flights/holds?" + query).header("X-Agency-Id", agency).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    private WebTestClient.ResponseSpec hold(String agency, UUID flight, String passengers) {
        return post(agency, UUID.randomUUID().toString(), body(flight, passengers));
    }

    private WebTestClient.ResponseSpec hold(String agency, UUID flight, String passengers, String cabin) {
        return post(agency, UUID.randomUUID().toString(),
                "{\"flightId\": \"" + flight + "\", \"passengers\": " + passengers + ", \"cabin\": \"" + cabin + "\"}");
    }

    private WebTestClient.ResponseSpec post(String agency, String key, String body) {
        return web.post().uri("/api/flights/holds").header("X-Agency-Id", agency).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec confirm(String agency, String hold) {
        return web.post().uri("/api/flights/holds/{id}/confirm", hold).header("X-Agency-Id", agency).exchange();
    }

    private WebTestClient.ResponseSpec release(String agency, String hold) {
        return web.delete().uri("/api/flights/holds/{id}", hold).header("X-Agency-Id", agency).exchange();
    }

    private static String body(UUID flight, String passengers) {
        return "{\"flightId\": \"" + flight + "\", \"passengers\": " + passengers + "}";
    }

    @SuppressWarnings("unchecked")
    private static String holdId(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("holdId");
    }

    @SuppressWarnings("unchecked")
    private int seatsAvailable(UUID flight, String cabin) {
        Map<String, Object> view = web.get().uri("/api/flights/{id}", flight).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((java.util.List<Map<String, Object>>) view.get("cabins")).stream()
                .filter(c -> cabin.equals(c.get("cabin"))).map(c -> (Integer) c.get("seatsAvailable"))
                .findFirst().orElseThrow();
    }
}
