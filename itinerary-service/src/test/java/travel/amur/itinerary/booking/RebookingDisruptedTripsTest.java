package travel.amur.itinerary.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Trips;

/**
 * A disrupted trip is offered what still works, and takes it with one call: a confirmed trip moves its seats to the
 * other flight (held and sold before the old ones go back), or keeps its old seats when the new ones cannot be had.
 */
class RebookingDisruptedTripsTest {

    static final String TAIGA = "taiga-travel";
    static final String SONGHUA = "songhua-tours";
    static final Duration SAGA = Duration.ofSeconds(30);

    static WebTestClient itineraries;
    static WebTestClient flights;

    @BeforeAll
    static void platform() {
        itineraries = Platform.get().client(Platform.Service.ITINERARY);
        flights = Platform.get().client(Platform.Service.FLIGHT);
    }

    @Test
    void a_confirmed_trip_whose_outbound_flight_is_cancelled_moves_to_the_next_flight_and_gives_its_old_seats_back() {
        UUID cancelled = Trips.flight("HZ4698", "2027-07-14");
        UUID next = Trips.flight("HZ4698", "2027-07-17");
        String trip = confirmed(TAIGA, Trips.iceFestival("2027-07-14", "2027-07-21", Trips.family()));
        int oldSeats = Trips.seatsAvailable(flights, cancelled);
        int newSeats = Trips.seatsAvailable(flights, next);

        cancel(cancelled);
        Map<String, Object> disruption = withAlternatives(TAIGA, trip);
        Map<String, Object> alternative = alternatives(disruption).stream()
                .filter(a -> next.toString().equals(flightOf(a))).findFirst().orElseThrow();
        assertThat(alternative.get("kind")).isEqualTo("OTHER_FLIGHT");
        assertThat(alternative.get("leg")).isEqualTo("OUTBOUND");
        assertThat(alternative.get("packageStart")).as("the package moves with the flight").isEqualTo("2027-07-17");
        assertThat((String) alternative.get("description")).contains("HZ4698").contains("2027-07-17");
        assertThat(alternatives(disruption)).as("no flight more than three days away, none without seats")
                .allSatisfy(a -> assertThat(flightOf(a)).isEqualTo(next.toString()));

        String key = UUID.randomUUID().toString();
        accept(TAIGA, trip, disruption, alternative, key).expectStatus().isAccepted();
        await().atMost(SAGA).untilAsserted(() -> {
            Map<String, Object> view = Trips.itinerary(itineraries, TAIGA, trip);
            assertThat(view.get("status")).isEqualTo("CONFIRMED");
            assertThat(((Map<?, ?>) view.get("outboundFlight")).get("flightId")).isEqualTo(next.toString());
            assertThat(((Map<?, ?>) view.get("tripPackage")).get("startDate")).isEqualTo("2027-07-17");
            assertThat(disruptions(view)).singleElement().satisfies(d -> assertThat(d.get("status"))
                    .isEqualTo("RESOLVED"));
        });
        await().atMost(SAGA).untilAsserted(() -> {
            assertThat(Trips.seatsAvailable(flights, next)).as("the new flight sold three seats").isEqualTo(newSeats - 3);
            assertThat(Trips.seatsAvailable(flights, cancelled)).as("the old seats are back")
                    .isEqualTo(oldSeats + 3);
        });
        accept(TAIGA, trip, disruption, alternative, key).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        accept(TAIGA, trip, disruption, alternative, UUID.randomUUID().toString()).expectStatus().isAccepted();
        itineraries.post().uri("/api/itineraries/{id}/disruptions/{d}/dismiss", trip, disruption.get("id"))
                .header("X-Agency-Id", TAIGA).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").value(type -> assertThat((String) type)
                        .endsWith("disruption-closed"));
        assertThat(Trips.seatsAvailable(flights, next)).as("accepting again moved nothing again")
                .isEqualTo(newSeats - 3);
    }

    @Test
    void a_re_booking_that_cannot_get_the_new_seats_keeps_the_old_ones_and_says_why() {
        UUID cancelled = Trips.flight("HZ4698", "2027-07-28");
        UUID next = Trips.flight("HZ4698", "2027-07-31");
        String trip = confirmed(TAIGA, Trips.iceFestival("2027-07-28", "2027-08-04", Trips.family()));
        int oldSeats = Trips.seatsAvailable(flights, cancelled);

        cancel(cancelled);
        Map<String, Object> disruption = withAlternatives(TAIGA, trip);
        Map<String, Object> alternative = alternatives(disruption).stream()
                .filter(a -> next.toString().equals(flightOf(a))).findFirst().orElseThrow();
        List<String> blocking = fillUp(next);
        try {
            accept(TAIGA, trip, disruption, alternative, UUID.randomUUID().toString()).expectStatus().isAccepted();
            await().atMost(SAGA).untilAsserted(() -> assertThat(disruptions(Trips.itinerary(itineraries, TAIGA, trip)))
                    .singleElement().satisfies(d -> {
                        assertThat(d.get("status")).isEqualTo("OPEN");
                        assertThat((String) d.get("failure")).contains("SOLD_OUT");
                        assertThat(d.get("acceptedAlternativeId")).isNull();
                    }));
            Map<String, Object> view = Trips.itinerary(itineraries, TAIGA, trip);
            assertThat(view.get("status")).isEqualTo("CONFIRMED");
            assertThat(((Map<?, ?>) view.get("outboundFlight")).get("flightId")).isEqualTo(cancelled.toString());
            assertThat(Trips.seatsAvailable(flights, cancelled)).as("the old seats stay sold").isEqualTo(oldSeats);
            await().atMost(SAGA).untilAsserted(() -> assertThat(disruptions(Trips.itinerary(itineraries, TAIGA, trip)))
                    .singleElement().satisfies(d -> {
                        assertThat(d.get("alternativesReady")).as("worked out anew").isEqualTo(true);
                        assertThat(alternatives(d)).as("the full flight is no longer offered")
                                .noneSatisfy(a -> assertThat(flightOf(a)).isEqualTo(next.toString()));
                    }));
        } finally {
            blocking.forEach(hold -> flights.delete().uri("/api/flights/holds/{id}", hold)
                    .header("X-Agency-Id", "someone-else").exchange().expectStatus().is2xxSuccessful());
        }
    }

    @Test
    void a_draft_on_a_retimed_flight_can_keep_the_new_times_and_another_agency_can_dismiss_its_disruption() {
        UUID retimed = Trips.flight("HZ4698", "2027-08-11");
        String taiga = Trips.createdId(itineraries, TAIGA, Trips.iceFestival("2027-08-11", "2027-08-18",
                Trips.family()));
        String songhua = Trips.createdId(itineraries, SONGHUA, Trips.iceFestival("2027-08-11", "2027-08-18",
                Trips.travellers(2)));

        flights.post().uri("/api/flights/{id}/disruptions", retimed).header("X-Roles", "OPS")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "RETIMED", "reason", "slot moved",
                        "departure", "2027-08-11T16:00:00+11:00", "arrival", "2027-08-11T15:55:00+08:00"))
                .exchange().expectStatus().isCreated();

        Map<String, Object> disruption = withAlternatives(TAIGA, taiga);
        assertThat(disruption.get("type")).isEqualTo("FLIGHT_RETIMED");
        Map<String, Object> keep = alternatives(disruption).stream()
                .filter(a -> "KEEP_NEW_TIMES".equals(a.get("kind"))).findFirst().orElseThrow();
        itineraries.post().uri("/api/itineraries/{id}/disruptions/{d}/accept", taiga, disruption.get("id"))
                .header("X-Agency-Id", SONGHUA).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("alternativeId", keep.get("id")))
                .exchange().expectStatus().isNotFound();
        accept(TAIGA, taiga, disruption, keep, UUID.randomUUID().toString()).expectStatus().isAccepted();
        Map<String, Object> view = Trips.itinerary(itineraries, TAIGA, taiga);
        assertThat(((Map<?, ?>) view.get("outboundFlight")).get("departure")).isEqualTo("2027-08-11T16:00:00+11:00");
        assertThat(disruptions(view)).singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("RESOLVED"));

        Map<String, Object> theirs = withAlternatives(SONGHUA, songhua);
        itineraries.post().uri("/api/itineraries/{id}/disruptions/{d}/dismiss", songhua, theirs.get("id"))
                .header("X-Agency-Id", SONGHUA).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.disruptions[0].status").isEqualTo("DISMISSED");
        assertThat(((Map<?, ?>) Trips.itinerary(itineraries, SONGHUA, songhua).get("outboundFlight")).get("departure"))
                .as("a dismissed disruption leaves the trip as it was").isEqualTo("2027-08-11T14:00:00+11:00");
        itineraries.post().uri("/api/itineraries/{id}/disruptions/{d}/accept", taiga, disruption.get("id"))
                .header("X-Agency-Id", TAIGA).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("alternativeId", "nope"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("alternativeId");
    }

    private static String confirmed(String agency, Map<String, Object> trip) {
        String id = Trips.createdId(itineraries, agency, trip);
        Trips.book(itineraries, agency, id).expectStatus().isAccepted();
        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, agency, id)));
        return id;
    }

    private static void cancel(UUID flight) {
        flights.post().uri("/api/flights/{id}/disruptions", flight).header("X-Roles", "OPS")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "CANCELLED", "reason", "aircraft unavailable")).exchange()
                .expectStatus().isCreated();
    }

    private static WebTestClient.ResponseSpec accept(String agency, String trip, Map<String, Object> disruption,
            Map<String, Object> alternative, String key) {
        return itineraries.post().uri("/api/itineraries/{id}/disruptions/{d}/accept", trip, disruption.get("id"))
                .header("X-Agency-Id", agency).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("alternativeId", alternative.get("id"))).exchange();
    }

    /** The trip's one disruption, once its alternatives have been worked out. */
    private static Map<String, Object> withAlternatives(String agency, String trip) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> now = disruptions(Trips.itinerary(itineraries, agency, trip));
            assertThat(now).singleElement().satisfies(d -> assertThat(d.get("alternativesReady")).isEqualTo(true));
            found.clear();
            found.addAll(now);
        });
        return found.get(0);
    }

    /** Holds every seat left on the flight as another agency would; answers the holds, to release after. */
    @SuppressWarnings("unchecked")
    private static List<String> fillUp(UUID flight) {
        List<String> holds = new ArrayList<>();
        int left = Trips.seatsAvailable(flights, flight);
        while (left > 0) {
            int seats = Math.min(50, left);
            Map<String, Object> hold = flights.post().uri("/api/flights/holds").header("X-Agency-Id", "someone-else")
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("flightId", flight.toString(), "passengers", seats))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            holds.add((String) hold.get("holdId"));
            left -= seats;
        }
        assertThat(Trips.seatsAvailable(flights, flight)).isZero();
        return holds;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> disruptions(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("disruptions");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alternatives(Map<String, Object> disruption) {
        return (List<Map<String, Object>>) disruption.get("alternatives");
    }

    private static String flightOf(Map<String, Object> alternative) {
        Map<?, ?> flight = (Map<?, ?>) alternative.get("flight");
        return flight == null ? null : (String) flight.get("flightId");
    }
}
