package travel.amur.itinerary.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Platform.Service;
import travel.amur.itinerary.support.Trips;

/**
 * Group tours under the China-Russia agreement, booked end to end with the real flight and visa services on real
 * Kafka and PostgreSQL, with the 30-day trial as seeded (ended 2026-09-14): the group agreement is the only
 * visa-free way, so it decides. The tests put the trial back as seeded and extend it again afterwards; their flights
 * (December 2027) are no other test's. The end-to-end test books the same group for January 2027 on the local stack.
 */
class GroupToursTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static final String AUTHORISED = "taiga-travel";
    static final String UNAUTHORISED = "songhua-tours";

    static Platform platform;
    static WebTestClient itineraries;
    static WebTestClient flights;

    @BeforeAll
    static void trialAsSeeded() {
        platform = Platform.get();
        itineraries = platform.client(Service.ITINERARY);
        flights = platform.client(Service.FLIGHT);
        platform.trialEndsOn("2026-09-14");
    }

    @AfterAll
    static void trialExtendedAgain() {
        platform.trialEndsOn("2027-09-14");
    }

    static Map<String, Object> groupOfSix(String out, String back) {
        Map<String, Object> trip = new HashMap<>(Trips.iceFestival(out, back, Trips.travellers(6)));
        trip.put("groupTour", true);
        return trip;
    }

    @Test
    void six_russians_on_the_ice_festival_package_book_to_confirmed_with_an_authorised_agency_in_one_hold_a_flight() {
        UUID out = Trips.flight("HZ4698", "2027-12-01");
        UUID back = Trips.flight("HZ4699", "2027-12-04");
        String id = created(AUTHORISED, true, groupOfSix("2027-12-01", "2027-12-04"));

        Trips.book(itineraries, AUTHORISED, id, true).expectStatus().isAccepted();

        await().atMost(SAGA).until(() -> "CONFIRMED".equals(Trips.status(itineraries, AUTHORISED, id)));
        assertThat(Trips.seatsAvailable(flights, out)).isEqualTo(64);
        assertThat(Trips.seatsAvailable(flights, back)).isEqualTo(64);
        itineraries.get().uri("/api/itineraries/{id}/booking", id).header("X-Agency-Id", AUTHORISED).exchange()
                .expectBody().jsonPath("$.steps[?(@.name == 'OUTBOUND_SEATS')].status").isEqualTo(List.of("CONFIRMED"));
        itineraries.post().uri("/api/itineraries/{id}/cancel", id).header("X-Agency-Id", AUTHORISED).exchange()
                .expectStatus().isOk();
        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70);
    }

    @Test
    void the_same_group_with_an_agency_not_authorised_for_group_tours_is_rejected_naming_the_authorisation() {
        UUID out = Trips.flight("HZ4698", "2027-12-08");
        String id = created(UNAUTHORISED, false, groupOfSix("2027-12-08", "2027-12-11"));

        Trips.book(itineraries, UNAUTHORISED, id, false).expectStatus().isAccepted();

        await().atMost(SAGA).until(() -> "REJECTED".equals(Trips.status(itineraries, UNAUTHORISED, id)));
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", UNAUTHORISED).exchange()
                .expectBody()
                .jsonPath("$.rejections.length()").isEqualTo(1)
                .jsonPath("$.rejections[0].code").isEqualTo("AGENCY_NOT_AUTHORISED")
                .jsonPath("$.rejections[0].subject").isEqualTo("group")
                .jsonPath("$.rejections[0].message").value(message -> assertThat((String) message)
                        .contains("not authorised for group tours"));
        await().atMost(SAGA).until(() -> Trips.seatsAvailable(flights, out) == 70);
    }

    @Test
    void planning_a_group_tour_for_an_agency_not_authorised_warns_before_anything_is_booked() {
        itineraries.post().uri("/api/itineraries").header("X-Agency-Id", UNAUTHORISED)
                .header("X-Agency-Group-Tours", "false")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(groupOfSix("2027-12-15", "2027-12-18"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.warnings[?(@.code == 'GROUP_TOUR_REFUSED')].message").value(messages ->
                        assertThat(messages.toString()).contains("AGENCY_NOT_AUTHORISED"));
    }

    @Test
    void four_russians_and_a_chinese_citizen_are_not_a_group_of_five() {
        List<Map<String, Object>> travellers = new java.util.ArrayList<>(Trips.travellers(4));
        travellers.add(Map.of("firstName", "Li", "lastName", "Wei", "nationality", "CN", "passportType", "ORDINARY",
                "passportNumber", "E12345678", "passportExpiry", "2031-05-20", "birthDate", "1990-06-01"));
        Map<String, Object> trip = new HashMap<>(Trips.iceFestival("2027-12-22", "2027-12-25", travellers));
        trip.put("groupTour", true);
        String id = created(AUTHORISED, true, trip);

        Trips.book(itineraries, AUTHORISED, id, true).expectStatus().isAccepted();

        await().atMost(SAGA).until(() -> "REJECTED".equals(Trips.status(itineraries, AUTHORISED, id)));
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AUTHORISED).exchange()
                .expectBody()
                .jsonPath("$.rejections[0].code").isEqualTo("GROUP_SIZE")
                .jsonPath("$.rejections[0].message").value(message -> assertThat((String) message)
                        .contains("4 of the 5 travellers qualify").contains("not a visitor"));
    }

    @SuppressWarnings("unchecked")
    private static String created(String agency, boolean authorised, Map<String, Object> trip) {
        return (String) Trips.create(itineraries, agency, trip, authorised).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
