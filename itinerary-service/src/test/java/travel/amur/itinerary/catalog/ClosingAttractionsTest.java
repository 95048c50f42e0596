package travel.amur.itinerary.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * Operations close an attraction: the catalog shows it, planning warns, the trips of any agency that visit it on a
 * closed day are disrupted with other attractions of the city as alternatives, and reopening resolves what is open.
 */
class ClosingAttractionsTest {

    static final String TIGER_PARK = "siberian-tiger-park";
    static WebTestClient itineraries;

    @BeforeAll
    static void platform() {
        itineraries = Platform.get().client(Platform.Service.ITINERARY);
    }

    @Test
    void a_closure_disrupts_the_trips_visiting_on_a_closed_day_offers_other_attractions_and_lifting_it_resolves_them() {
        // The ice-festival package visits the tiger park (open all year) on its third day.
        String taiga = Trips.createdId(itineraries, "taiga-travel", Trips.iceFestival("2027-09-08", "2027-09-11",
                Trips.family()));
        String songhua = Trips.createdId(itineraries, "songhua-tours", Trips.iceFestival("2027-09-08", "2027-09-11",
                Trips.travellers(1)));
        String before = Trips.createdId(itineraries, "taiga-travel", Trips.iceFestival("2027-09-01", "2027-09-04",
                Trips.family()));
        assertThat(visits(taiga)).contains(TIGER_PARK + "@2027-09-10");

        Map<String, Object> closure = close(TIGER_PARK, Map.of("from", "2027-09-05", "reason", "closed for "
                + "an animal health inspection"), UUID.randomUUID().toString(), 201);
        assertThat(closure.get("to")).isNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Trips.disruptions(itineraries, "taiga-travel", taiga)).singleElement().satisfies(d -> {
                assertThat(d.get("type")).isEqualTo("ATTRACTION_CLOSED");
                assertThat(d.get("subject")).isEqualTo(TIGER_PARK);
                assertThat(d.get("alternativesReady")).isEqualTo(true);
                assertThat(Trips.alternatives(d)).isNotEmpty().allSatisfy(a -> {
                    assertThat(a.get("kind")).isEqualTo("OTHER_ATTRACTION");
                    assertThat(a.get("date")).isEqualTo("2027-09-10");
                    assertThat(a.get("attractionId")).isNotEqualTo(TIGER_PARK);
                });
            });
            assertThat(Trips.disruptions(itineraries, "songhua-tours", songhua)).singleElement()
                    .satisfies(d -> assertThat(d.get("type")).isEqualTo("ATTRACTION_CLOSED"));
        });
        assertThat(Trips.disruptions(itineraries, "taiga-travel", before)).as("visited before the closure begins")
                .isEmpty();

        itineraries.get().uri("/api/catalog/attractions/{id}", TIGER_PARK).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.closures[0].id").isEqualTo(closure.get("id"));
        itineraries.get().uri("/api/catalog/attractions?date=2027-09-10&city=Harbin").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + TIGER_PARK + "')]").isEmpty();
        String planned = Trips.createdId(itineraries, "taiga-travel", Trips.iceFestival("2027-09-08", "2027-09-11",
                Trips.travellers(1)));
        assertThat(warningCodes(planned)).as("planning warns of the closed day").contains("ATTRACTION_CLOSED");

        Map<String, Object> disruption = Trips.disruptions(itineraries, "taiga-travel", taiga).get(0);
        Map<String, Object> instead = Trips.alternatives(disruption).get(0);
        itineraries.post().uri("/api/itineraries/{id}/disruptions/{d}/accept", taiga, disruption.get("id"))
                .header("X-Agency-Id", "taiga-travel").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("alternativeId", instead.get("id")))
                .exchange().expectStatus().isAccepted();
        assertThat(visits(taiga)).doesNotContain(TIGER_PARK + "@2027-09-10")
                .contains(instead.get("attractionId") + "@2027-09-10");

        itineraries.delete().uri("/api/catalog/attractions/{id}/closures/{c}", TIGER_PARK, closure.get("id"))
                .header("X-Roles", "OPS").header("X-User-Id", "ops-anna").exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Trips.disruptions(itineraries,
                        "songhua-tours", songhua))
                .singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("RESOLVED")));
        assertThat(Trips.disruptions(itineraries, "taiga-travel", taiga)).singleElement()
                .satisfies(d -> assertThat(d.get("acceptedAlternativeId")).isEqualTo(instead.get("id")));
        itineraries.delete().uri("/api/catalog/attractions/{id}/closures/{c}", TIGER_PARK, closure.get("id"))
                .header("X-Roles", "OPS").exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> itineraries.get()
                .uri("/api/catalog/attractions/{id}", TIGER_PARK).exchange().expectBody()
                .jsonPath("$.closures.length()").isEqualTo(0));
    }

    @Test
    void closing_needs_operations_a_known_attraction_and_a_sensible_window_and_a_key_makes_it_once() {
        itineraries.post().uri("/api/catalog/attractions/{id}/closures", TIGER_PARK)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", "2027-10-01", "reason", "x")).exchange().expectStatus().isForbidden();
        close("no-such-place", Map.of("from", "2027-10-01", "reason", "x"), UUID.randomUUID().toString(), 404);
        assertThat(close(TIGER_PARK, Map.of("from", "2027-10-05", "to", "2027-10-01", "reason", "x"),
                UUID.randomUUID().toString(), 400).toString()).contains("field=to");
        assertThat(close(TIGER_PARK, Map.of("to", "2027-10-01", "reason", "x"), UUID.randomUUID().toString(), 400)
                .toString()).contains("field=from");

        String key = UUID.randomUUID().toString();
        Map<String, Object> first = close(TIGER_PARK, Map.of("from", "2027-10-20", "to", "2027-10-21", "reason",
                "maintenance"), key, 201);
        Map<String, Object> again = close(TIGER_PARK, Map.of("from", "2027-10-20", "to", "2027-10-21", "reason",
                "maintenance"), key, 201);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        itineraries.delete().uri("/api/catalog/attractions/{id}/closures/{c}", TIGER_PARK, first.get("id"))
                .header("X-Roles", "OPS").exchange().expectStatus().isNoContent();
        itineraries.delete().uri("/api/catalog/attractions/{id}/closures/{c}", TIGER_PARK, UUID.randomUUID())
                .header("X-Roles", "OPS").exchange().expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> close(String attraction, Map<String, Object> body, String key, int status) {
        return itineraries.post().uri("/api/catalog/attractions/{id}/closures", attraction)
                .header("X-Roles", "OPS").header("X-User-Id", "ops-anna").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> visits(String trip) {
        Map<String, Object> view = Trips.itinerary(itineraries, "taiga-travel", trip);
        return ((List<Map<String, Object>>) view.get("days")).stream()
                .flatMap(day -> ((List<Map<String, Object>>) day.get("items")).stream()
                        .filter(item -> "ACTIVITY".equals(item.get("kind")))
                        .map(item -> item.get("attractionId") + "@" + day.get("date")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> warningCodes(String trip) {
        return ((List<Map<String, Object>>) Trips.itinerary(itineraries, "taiga-travel", trip).get("warnings"))
                .stream().map(w -> (String) w.get("code")).toList();
    }
}
