package travel.amur.itinerary.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.Disposable;
import travel.amur.common.contract.flight.SeatsHeld;
import travel.amur.common.contract.visa.VisasChecked;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.Topics;
import travel.amur.common.testing.EventContract;
import travel.amur.common.testing.TopicRecorder;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Platform.Service;
import travel.amur.itinerary.support.Trips;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The booking saga with the real flight and visa services on real Kafka and PostgreSQL. Each scenario books its own
 * pair of flights, so scenarios never share seats.
 */
@ExtendWith(OutputCaptureExtension.class)
class BookingSagaScenariosTest {

    static final String AGENCY = "taiga-travel";
    static final Duration SAGA = Duration.ofSeconds(30);

    static Platform platform;
    static WebTestClient itineraries;
    static WebTestClient flights;
    static TopicRecorder commands;
    static TopicRecorder statuses;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        itineraries = platform.client(Service.ITINERARY);
        flights = platform.client(Service.FLIGHT);
        commands = new TopicRecorder(platform.kafka(), Topics.FLIGHT_COMMANDS);
        statuses = new TopicRecorder(platform.kafka(), Topics.ITINERARY_EVENTS);
    }

    @AfterAll
    static void stopRecording() {
        commands.close();
        statuses.close();
    }

    @Test
    void a_russian_family_books_the_ice_festival_trip_and_their_phone_sees_it_confirmed_then_the_stream_ends() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-01-06", "2027-01-09", Trips.family()));
        List<ServerSentEvent<Map<String, Object>>> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable watching = watch(id, seen, ended);
        try {
            Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted()
                    .expectBody().jsonPath("$.status").isEqualTo("PENDING");

            await().atMost(SAGA).untilTrue(ended);
            assertThat(seen).extracting(event -> event.data().get("status"))
                    .containsSubsequence("DRAFT", "PENDING", "CONFIRMED").last().isEqualTo("CONFIRMED");
            assertThat(seen).as("every event tells a dropped watcher when to reconnect")
                    .allSatisfy(event -> assertThat(event.retry()).isEqualTo(Duration.ofSeconds(3)));
        } finally {
            watching.dispose();
        }
        String outcome = seen.get(seen.size() - 1).id();
        itineraries.get().uri("/api/itineraries/{id}/events", id).header("X-Agency-Id", AGENCY)
                .header("Last-Event-ID", outcome).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNoContent();
        statuses.await(m -> id.equals(m.key()) && "CONFIRMED".equals(m.dataText("status")), SAGA);
        assertThat(statuses.matching(m -> id.equals(m.key())))
                .as("every status change is announced on " + Topics.ITINERARY_EVENTS)
                .extracting(m -> m.dataText("status"), m -> m.dataText("agencyId"))
                .containsExactly(tuple("PENDING", AGENCY), tuple("CONFIRMED", AGENCY));
        assertThat(Trips.seatsAvailable(flights, Trips.flight("HZ4698", "2027-01-06"))).isEqualTo(67);
        assertThat(Trips.seatsAvailable(flights, Trips.flight("HZ4699", "2027-01-09"))).isEqualTo(67);
        itineraries.get().uri("/api/itineraries/{id}/booking", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.phase").isEqualTo("CONFIRMED")
                .jsonPath("$.log[0]").value(entry -> assertThat((String) entry).contains("booking started"));
    }

    @Test
    void one_bookings_trace_runs_through_kafka_to_flight_and_visa_and_back_in_events_the_asyncapi_document_describes(
            CapturedOutput logs) {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-04-14", "2027-04-17", Trips.family()));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        itineraries.post().uri("/api/itineraries/{id}/book", id).header("X-Agency-Id", AGENCY)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isAccepted();
        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));

        assertThat(commands.matching(m -> id.equals(m.key()))).isNotEmpty()
                .as("the commands carry the trace (CloudEvents distributed tracing extension)")
                .allSatisfy(m -> assertThat(m.envelope().path("traceparent").asString()).startsWith("00-" + traceId + "-"));
        Stream.concat(commands.matching(m -> id.equals(m.key())).stream(),
                        statuses.matching(m -> id.equals(m.key())).stream())
                .forEach(message -> EventContract.get().check(message.envelope().toString()));
        assertThat(statuses.matching(m -> id.equals(m.key())))
                .as("the events carry the trace (CloudEvents distributed tracing extension)")
                .allSatisfy(m -> assertThat(m.envelope().path("traceparent").asString()).startsWith("00-" + traceId + "-"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logs.getOut().lines()
                .filter(line -> line.contains(traceId)))
                .as("the booking's trace id in each service's log")
                .anySatisfy(line -> assertThat(line).contains("PENDING"))
                .anySatisfy(line -> assertThat(line).contains("visa-commands handled"))
                .anySatisfy(line -> assertThat(line).contains("flight-commands handled"))
                .anySatisfy(line -> assertThat(line).contains("booking-replies handled")));
    }

    @Test
    void an_ineligible_traveller_rejects_the_booking_by_name_and_every_held_seat_is_released() {
        UUID out = Trips.flight("HZ4698", "2027-01-13");
        UUID back = Trips.flight("HZ4699", "2027-01-16");
        // Oleg's passport expires within six months of the trip: the trial does not let him in.
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-01-13", "2027-01-16", List.of(
                Trips.traveller("Ivan", "Petrov", "ORDINARY"), Trips.expiring("Oleg", "Sidorov", "2027-03-01"))));

        Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();

        await().atMost(SAGA).until(() -> "REJECTED".equals(Trips.status(itineraries, AGENCY, id)));
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody()
                .jsonPath("$.rejections[0].code").isEqualTo("VISA_NOT_ELIGIBLE")
                .jsonPath("$.rejections[0].subject").isEqualTo("Oleg Sidorov");
        assertThat(statuses.await(m -> id.equals(m.key()) && "REJECTED".equals(m.dataText("status")), SAGA)
                .data().get("reasons").toString()).contains("VISA_NOT_ELIGIBLE");
        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70
                && Trips.seatsAvailable(flights, back) == 70);
    }

    @Test
    void a_sold_out_return_flight_rejects_the_booking_and_releases_the_outbound_seats() {
        UUID out = Trips.flight("HZ4698", "2027-01-20");
        UUID back = Trips.flight("HZ4699", "2027-01-23");
        fillUp(back);
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-01-20", "2027-01-23", Trips.family()));

        Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();

        await().atMost(SAGA).until(() -> "REJECTED".equals(Trips.status(itineraries, AGENCY, id)));
        assertThat(rejectionCodes(id)).containsExactly("SOLD_OUT");
        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70);
    }

    @Test
    void with_the_flight_service_down_past_the_timeout_the_booking_is_rejected_and_no_seat_stays_held() {
        UUID out = Trips.flight("HZ4698", "2027-01-27");
        UUID back = Trips.flight("HZ4699", "2027-01-30");
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-01-27", "2027-01-30", Trips.family()));
        platform.stop(Service.FLIGHT);
        try {
            Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();

            // Time passes without an answer: first a retry, then the booking gives up and compensates.
            await().atMost(SAGA).until(() -> {
                platform.clock().advance(Duration.ofSeconds(6));
                return "REJECTED".equals(Trips.status(itineraries, AGENCY, id));
            });
            assertThat(rejectionCodes(id)).containsOnly("TIMEOUT").hasSize(2);
        } finally {
            platform.start(Service.FLIGHT);
        }
        // Back up, the flight service works through the holds and the releases that overtook them: nothing stays held.
        await().atMost(SAGA).until(() -> commandsFor(id, "ReleaseSeats") >= 2);
        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70
                && Trips.seatsAvailable(flights, back) == 70);
        assertThat(Trips.status(itineraries, AGENCY, id)).isEqualTo("REJECTED");
    }

    @Test
    void with_the_flight_service_away_for_a_while_the_booking_waits_for_it_says_so_and_is_confirmed() {
        UUID out = Trips.flight("HZ4698", "2027-04-07");
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-04-07", "2027-04-10", Trips.family()));
        platform.stop(Service.FLIGHT);
        try {
            Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();

            // Past the first resend, well before the deadline: the booking is pending and names what it waits for.
            platform.clock().advance(Duration.ofSeconds(6));
            await().atMost(SAGA).untilAsserted(() -> itineraries.get().uri("/api/itineraries/" + id)
                    .header("X-Agency-Id", AGENCY).exchange()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("PENDING")
                    .jsonPath("$.waitingFor").value(waiting -> assertThat(waiting.toString())
                            .contains("OUTBOUND_SEATS").contains("RETURN_SEATS").doesNotContain("VISAS")));
        } finally {
            platform.start(Service.FLIGHT);
        }

        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));
        itineraries.get().uri("/api/itineraries/" + id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody().jsonPath("$.waitingFor").isEmpty();
        assertThat(Trips.seatsAvailable(flights, out)).isEqualTo(70 - Trips.family().size());
    }

    @Test
    void many_bookings_timing_out_at_once_are_all_rejected_and_release_their_seats() {
        UUID out = Trips.flight("HZ4698", "2027-03-24");
        UUID back = Trips.flight("HZ4699", "2027-03-27");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-03-24", "2027-03-27",
                    List.of(Trips.traveller("Crowd" + i, "Petrov", "ORDINARY")))));
        }
        platform.stop(Service.FLIGHT);
        try {
            ids.forEach(id -> Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted());

            await().atMost(SAGA).until(() -> {
                platform.clock().advance(Duration.ofSeconds(6));
                return ids.stream().allMatch(id -> "REJECTED".equals(Trips.status(itineraries, AGENCY, id)));
            });
        } finally {
            platform.start(Service.FLIGHT);
        }
        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70
                && Trips.seatsAvailable(flights, back) == 70);
    }

    @Test
    void the_itinerary_service_restarted_mid_saga_finishes_the_booking() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-02-03", "2027-02-06", Trips.family()));

        Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();
        platform.stop(Service.ITINERARY);
        platform.start(Service.ITINERARY);

        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));
    }

    @Test
    void the_visa_service_restarted_mid_saga_answers_and_the_booking_is_confirmed() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-02-10", "2027-02-13", Trips.family()));
        platform.stop(Service.VISA);
        try {
            Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();
        } finally {
            platform.start(Service.VISA);
        }

        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));
    }

    @Test
    void duplicated_and_late_answers_do_not_change_a_confirmed_booking() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-02-17", "2027-02-20", Trips.family()));
        Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();
        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));
        Map<String, Object> saga = sagaOf(id);
        int releasesBefore = commandsFor(id, "ReleaseSeats");

        UUID booking = UUID.fromString(id);
        send(Topics.FLIGHT_EVENTS, new SeatsHeld(holdOf(saga, "OUTBOUND_SEATS"), booking,
                Trips.flight("HZ4698", "2027-02-17"), 3, platform.clock().instant(), null), booking);
        send(Topics.VISA_EVENTS, new VisasChecked(checkOf(saga), booking, List.of(
                new VisasChecked.Verdict("t1", false, null, List.of(new VisasChecked.Reason("NO_POLICY", "late")))),
                null), booking);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));
        assertThat(commandsFor(id, "ReleaseSeats")).isEqualTo(releasesBefore);
    }

    @Test
    void a_confirmed_itinerary_can_be_cancelled_and_its_seats_go_back() {
        UUID out = Trips.flight("HZ4698", "2027-02-24");
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-02-24", "2027-02-27", Trips.family()));
        Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();
        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AGENCY, id)));
        assertThat(Trips.seatsAvailable(flights, out)).isEqualTo(67);

        itineraries.post().uri("/api/itineraries/{id}/cancel", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70);
        Trips.book(itineraries, AGENCY, id).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void booking_anything_but_a_draft_is_a_409_as_are_cancelling_a_draft_and_discarding_a_booking() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-03-03", "2027-03-06", Trips.family()));

        itineraries.post().uri("/api/itineraries/{id}/cancel", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isEqualTo(409);
        Trips.book(itineraries, AGENCY, id).expectStatus().isAccepted();
        Trips.book(itineraries, AGENCY, id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/itinerary-status");
        itineraries.delete().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/itinerary-status");
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void discarding_a_draft_ends_the_stream_that_follows_it() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-11-03", "2027-11-06", Trips.family()));
        List<ServerSentEvent<Map<String, Object>>> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable watching = watch(id, seen, ended);
        try {
            await().atMost(SAGA).until(() -> !seen.isEmpty());

            itineraries.delete().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                    .expectStatus().isNoContent();

            await().atMost(SAGA).untilTrue(ended);
            assertThat(seen).extracting(event -> event.data().get("status")).containsExactly("DRAFT");
        } finally {
            watching.dispose();
        }
    }

    @Test
    void another_agencys_itinerary_does_not_exist_for_you() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-03-10", "2027-03-13", Trips.family()));

        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", "songhua-tours").exchange()
                .expectStatus().isNotFound();
        Trips.book(itineraries, "songhua-tours", id).expectStatus().isNotFound();
        itineraries.get().uri("/api/itineraries/{id}/events", id).header("X-Agency-Id", "songhua-tours").exchange()
                .expectStatus().isNotFound();
    }

    private void fillUp(UUID flight) {
        for (int passengers : new int[] {9, 9, 9, 9, 9, 9, 9, 7}) {
            flights.post().uri("/api/flights/holds").header("X-Agency-Id", "someone-else")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("flightId", flight.toString(), "passengers", passengers))
                    .exchange().expectStatus().isCreated();
        }
        assertThat(Trips.seatsAvailable(flights, flight)).isZero();
    }

    @Test
    void a_stray_notification_on_the_status_channel_does_not_stop_the_event_streams() {
        // A first stream sees a change, so the instance's one LISTEN subscription is in place.
        String first = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-10-20", "2027-10-23", Trips.family()));
        List<ServerSentEvent<Map<String, Object>>> firstSeen = new CopyOnWriteArrayList<>();
        Disposable watchingFirst = watch(first, firstSeen, new AtomicBoolean());
        String second = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-10-13", "2027-10-16",
                Trips.family()));
        List<ServerSentEvent<Map<String, Object>>> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable watching = watch(second, seen, ended);
        try {
            Trips.book(itineraries, AGENCY, first).expectStatus().isAccepted();
            await().atMost(SAGA).until(() -> firstSeen.stream().anyMatch(e -> "PENDING".equals(e.data().get("status"))));

            platform.bean(Service.ITINERARY, DatabaseClient.class)
                    .sql("SELECT pg_notify('itinerary_status', 'not-an-itinerary')").then().block(SAGA);
            Trips.book(itineraries, AGENCY, second).expectStatus().isAccepted();

            await().atMost(SAGA).untilTrue(ended);
            assertThat(seen).extracting(event -> event.data().get("status")).contains("PENDING")
                    .last().isIn("CONFIRMED", "REJECTED");
        } finally {
            watching.dispose();
            watchingFirst.dispose();
        }
    }

    private Disposable watch(String id, List<ServerSentEvent<Map<String, Object>>> seen, AtomicBoolean ended) {
        return WebClient.create().get()
                .uri(itinerariesBase() + "/api/itineraries/{id}/events", id)
                .header("X-Agency-Id", AGENCY).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .filter(event -> event.data() != null)
                .doOnComplete(() -> ended.set(true))
                .subscribe(seen::add);
    }

    private static String itinerariesBase() {
        return itineraries.get().uri("/").exchange().returnResult(String.class).getUrl().toString()
                .replaceAll("/$", "");
    }

    @SuppressWarnings("unchecked")
    private List<String> rejectionCodes(String id) {
        return ((List<Map<String, Object>>) Trips.itinerary(itineraries, AGENCY, id).get("rejections")).stream()
                .map(r -> (String) r.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sagaOf(String id) {
        return itineraries.get().uri("/api/itineraries/{id}/booking", id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static UUID holdOf(Map<String, Object> saga, String step) {
        return ((List<Map<String, Object>>) saga.get("steps")).stream().filter(s -> step.equals(s.get("name")))
                .map(s -> UUID.fromString((String) s.get("id"))).findFirst().orElseThrow();
    }

    private static UUID checkOf(Map<String, Object> saga) {
        return holdOf(saga, "VISAS");
    }

    private int commandsFor(String id, String type) {
        return commands.matching(m -> id.equals(m.key()) && TopicRecorder.ofType(type).test(m)).size();
    }

    @SuppressWarnings("unchecked")
    private void send(String topic, Object event, UUID booking) {
        EventCodec codec = platform.bean(Service.ITINERARY, EventCodec.class);
        KafkaTemplate<String, String> kafka = platform.bean(Service.ITINERARY, KafkaTemplate.class);
        kafka.send(topic, booking.toString(), codec.write(codec.wrap(event, booking.toString(),
                Causation.startOf(booking.toString())))).join();
    }

}
