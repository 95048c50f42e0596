package travel.amur.itinerary.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import travel.amur.common.testing.ApiContract;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Trips;

/** A flight cancelled by operations befalls every trip that flies it, of any agency, and no other. */
class TripDisruptionsTest {

    static WebTestClient itineraries;
    static WebTestClient flights;

    @BeforeAll
    static void platform() {
        itineraries = Platform.get().client(Platform.Service.ITINERARY);
        flights = Platform.get().client(Platform.Service.FLIGHT);
    }

    @Test
    void a_cancelled_flight_is_recorded_on_each_agencys_trips_on_it_and_on_no_other_trip() {
        UUID outbound = Trips.flight("HZ4698", "2027-05-12");
        String taiga = Trips.createdId(itineraries, "taiga-travel",
                Trips.iceFestival("2027-05-12", "2027-05-15", Trips.family()));
        String songhua = Trips.createdId(itineraries, "songhua-tours",
                Trips.iceFestival("2027-05-12", "2027-05-15", Trips.travellers(1)));
        String otherWeek = Trips.createdId(itineraries, "taiga-travel",
                Trips.iceFestival("2027-05-19", "2027-05-22", Trips.family()));

        List<ServerSentEvent<Map<String, Object>>> seen = new CopyOnWriteArrayList<>();
        Disposable watching = WebClient.builder().filter(ApiContract.validating()).build().get()
                .uri(base() + "/api/itineraries/{id}/events?follow=true", taiga).header("X-Agency-Id", "taiga-travel")
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .filter(event -> event.data() != null)
                .subscribe(seen::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());

        flights.post().uri("/api/flights/{id}/disruptions", outbound).header("X-Roles", "OPS")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "CANCELLED", "reason", "runway closed")).exchange()
                .expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(Trips.disruptions(itineraries, "taiga-travel", taiga)).singleElement().satisfies(d -> {
                assertThat(d.get("type")).isEqualTo("FLIGHT_CANCELLED");
                assertThat(d.get("subject")).isEqualTo(outbound.toString());
                assertThat(d.get("status")).isEqualTo("OPEN");
                assertThat((String) d.get("detail")).contains("HZ4698").contains("runway closed");
            });
            assertThat(Trips.disruptions(itineraries, "songhua-tours", songhua)).singleElement()
                    .satisfies(d -> assertThat(d.get("subject")).isEqualTo(outbound.toString()));
        });
        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(seen)
                    .as("the phone following the trip is told")
                    .anySatisfy(event -> {
                        assertThat(event.event()).isEqualTo("disruption");
                        assertThat(event.data().get("type")).isEqualTo("FLIGHT_CANCELLED");
                    }));
        } finally {
            watching.dispose();
        }
        assertThat(Trips.disruptions(itineraries, "taiga-travel", otherWeek)).as("a trip on another day's flight")
                .isEmpty();
        itineraries.get().uri("/api/itineraries?status=DRAFT&size=100").header("X-Agency-Id", "taiga-travel")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + taiga + "')].disruptions[0].type")
                .isEqualTo(List.of("FLIGHT_CANCELLED"));
    }

    private static String base() {
        return itineraries.get().uri("/").exchange().returnResult(String.class).getUrl().toString()
                .replaceAll("/$", "");
    }
}
