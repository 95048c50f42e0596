package travel.amur.itinerary.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Trips;

/** Building itineraries over HTTP, with the real flight and visa services behind. */
class PlanningItinerariesTest {

    static final String AGENCY = "taiga-travel";

    static WebTestClient itineraries;

    @BeforeAll
    static void platform() {
        itineraries = Platform.get().client(Platform.Service.ITINERARY);
    }

    @Test
    void a_package_trip_is_planned_day_by_day_with_its_price_and_the_cold_warned_about() {
        Trips.create(itineraries, AGENCY, Trips.iceFestival("2027-01-06", "2027-01-09", Trips.family()))
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/itineraries/"))
                .expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.days.length()").isEqualTo(4)
                .jsonPath("$.days[0].items[0].kind").isEqualTo("ARRIVAL")
                .jsonPath("$.days[0].items[0].at").isEqualTo("13:55:00")
                .jsonPath("$.days[1].items[?(@.attractionId == 'harbin-ice-and-snow-world')]").exists()
                .jsonPath("$.days[3].items[-1:].kind").isEqualTo(List.of("DEPARTURE"))
                .jsonPath("$.price.flights.amount").isEqualTo(75000.0)
                .jsonPath("$.price.flights.currency").isEqualTo("RUB")
                .jsonPath("$.price.activities.amount").isEqualTo(984.0)
                .jsonPath("$.travellers[0].passportNumber").value(n -> assertThat((String) n).startsWith("***"))
                .jsonPath("$.warnings[?(@.code == 'EXTREME_COLD')]").exists()
                .jsonPath("$.warnings[?(@.code == 'VISA_NOT_ELIGIBLE')]").doesNotExist()
                .jsonPath("$.links.book").exists()
                .jsonPath("$.links.cancel").doesNotExist();
    }

    @Test
    void warnings_come_in_russian_or_chinese_by_accept_language_with_their_codes() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-01-06", "2027-01-09", Trips.family()));

        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ru").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.warnings[?(@.code == 'EXTREME_COLD')].message").value(List.class, messages ->
                        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat((String) message)
                                .contains("сильный мороз")));
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh").exchange()
                .expectBody()
                .jsonPath("$.warnings[?(@.code == 'EXTREME_COLD')].message").value(List.class, messages ->
                        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat((String) message)
                                .contains("户外严寒")));
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody()
                .jsonPath("$.warnings[?(@.code == 'EXTREME_COLD')].message").value(List.class, messages ->
                        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat((String) message)
                                .contains("extreme cold")));
    }

    @Test
    void activities_out_of_season_before_landing_or_after_leaving_are_warned_about() {
        Map<String, Object> trip = Map.of("destination", "CN", "purpose", "TOURISM", "travellers",
                List.of(Trips.traveller("Anna", "Ivanova", "ORDINARY")),
                "outboundFlightId", Trips.flight("HZ4698", "2027-07-07").toString(),
                "returnFlightId", Trips.flight("HZ4699", "2027-07-10").toString(),
                "activities", List.of(
                        Map.of("attractionId", "harbin-ice-and-snow-world", "date", "2027-07-08"),
                        Map.of("attractionId", "central-street", "date", "2027-07-06"),
                        Map.of("attractionId", "st-sophia-cathedral", "date", "2027-07-11")));

        Trips.create(itineraries, AGENCY, trip).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.warnings[?(@.code == 'OUT_OF_SEASON' && @.concerns[0] == 'harbin-ice-and-snow-world')]")
                .exists()
                .jsonPath("$.warnings[?(@.code == 'BEFORE_ARRIVAL' && @.concerns[0] == 'central-street')]").exists()
                .jsonPath("$.warnings[?(@.code == 'AFTER_DEPARTURE' && @.concerns[0] == 'st-sophia-cathedral')]")
                .exists()
                .jsonPath("$.warnings[?(@.code == 'EXTREME_COLD')]").doesNotExist();
    }

    @Test
    void a_group_tour_is_for_five_to_fifty_travellers_and_a_party_of_ten_is_pointed_to_one() {
        Map<String, Object> tooSmall = new java.util.HashMap<>(Trips.iceFestival("2027-01-06", "2027-01-09",
                Trips.travellers(4)));
        tooSmall.put("groupTour", true);
        invalid(tooSmall, "travellers");
        Trips.create(itineraries, AGENCY, Trips.iceFestival("2027-01-06", "2027-01-09", Trips.travellers(10)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(message ->
                        assertThat((String) message).contains("group tour"));
    }

    @Test
    void a_child_pays_the_concession_price_where_there_is_one_on_terms_said_to_be_unconfirmed() {
        List<Map<String, Object>> family = List.of(Trips.traveller("Ivan", "Petrov", "ORDINARY"),
                Trips.traveller("Maria", "Petrova", "ORDINARY"), Trips.child("Sasha", "Petrova", "2017-05-01"));

        Trips.create(itineraries, AGENCY, Trips.iceFestival("2027-01-06", "2027-01-09", family))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.price.activities.amount").isEqualTo(896.0)
                .jsonPath("$.warnings[?(@.code == 'CONCESSION_TERMS_UNCONFIRMED')]").exists();
    }

    @Test
    void the_north_package_warns_that_nothing_flies_to_mohe() {
        Map<String, Object> north = Map.of("destination", "CN", "purpose", "TOURISM",
                "travellers", List.of(Trips.traveller("Anna", "Ivanova", "ORDINARY")),
                "outboundFlightId", Trips.flight("HZ4698", "2027-01-06").toString(),
                "returnFlightId", Trips.flight("HZ4699", "2027-01-13").toString(),
                "package", Map.of("packageId", "harbin-mohe-north-6d", "startDate", "2027-01-06"));

        Trips.create(itineraries, AGENCY, north).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.warnings[?(@.code == 'NO_TRANSPORT')].concerns[0]").value(concerns ->
                        assertThat(concerns.toString()).contains("mohe-arctic-village"));
    }

    @Test
    void a_stay_longer_than_the_visa_free_limit_is_warned_about() {
        Map<String, Object> trip = Map.of("destination", "CN", "purpose", "TOURISM", "travellers",
                List.of(Trips.traveller("Anna", "Ivanova", "ORDINARY")),
                "outboundFlightId", Trips.flight("HZ4698", "2027-03-03").toString(),
                "returnFlightId", Trips.flight("HZ4699", "2027-04-07").toString(),
                "activities", List.of());

        Trips.create(itineraries, AGENCY, trip).expectStatus().isCreated()
                .expectBody().jsonPath("$.warnings[?(@.code == 'STAY_TOO_LONG')].message")
                .value(messages -> assertThat(messages.toString()).contains("Anna Ivanova"));
    }

    @Test
    void a_draft_can_be_changed_until_it_is_booked() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-03-17", "2027-03-20", Trips.family()));

        itineraries.put().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Trips.iceFestival("2027-03-17", "2027-03-20", Trips.travellers(2)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.travellers.length()").isEqualTo(2);
        itineraries.get().uri("/api/itineraries?status=DRAFT&size=100").header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')]").exists();
    }

    @Test
    void a_draft_the_agency_will_not_book_is_discarded_once_only_by_that_agency_and_only_as_it_was_read() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-03-31", "2027-04-03", Trips.family()));

        discard(id, "songhua-tours", null).expectStatus().isNotFound();
        discard(id, AGENCY, "\"2-en\"").expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/itinerary-changed");
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isOk();

        discard(id, AGENCY, "\"1-ru\"").expectStatus().isNoContent().expectBody().isEmpty();
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isNotFound();
        discard(id, AGENCY, null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        itineraries.get().uri("/api/itineraries?status=DRAFT&size=100").header("X-Agency-Id", AGENCY).exchange()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
    }

    @Test
    void an_itinerary_changed_elsewhere_is_read_as_it_is_stored_now() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-04-07", "2027-04-10", Trips.family()));
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody().jsonPath("$.travellers[0].firstName").isEqualTo("Ivan");

        // As another instance's change would be: straight in the database, unseen by this instance's reads.
        Platform.get().bean(Platform.Service.ITINERARY, DatabaseClient.class).sql("""
                        UPDATE itinerary SET draft = jsonb_set(draft, '{travellers,0,firstName}', '"Pyotr"'),
                                             plan = jsonb_set(plan, '{warnings}', '[]')
                         WHERE id = :id""")
                .bind("id", java.util.UUID.fromString(id)).then().block(Duration.ofSeconds(10));

        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody().jsonPath("$.travellers[0].firstName").isEqualTo("Pyotr")
                .jsonPath("$.warnings.length()").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec discard(String id, String agency, String ifMatch) {
        WebTestClient.RequestHeadersSpec<?> request = itineraries.delete().uri("/api/itineraries/{id}", id)
                .header("X-Agency-Id", agency);
        return (ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch)).exchange();
    }

    @Test
    void a_read_itinerary_is_not_sent_again_unchanged_and_a_change_from_a_stale_read_is_a_412() {
        String id = Trips.createdId(itineraries, AGENCY, Trips.iceFestival("2027-03-24", "2027-03-27", Trips.family()));
        String etag = itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1-en\"")
                .returnResult(String.class).getResponseHeaders().getETag();
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY)
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ru").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1-ru\"");

        change(id, etag).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2-en\"");
        change(id, etag).expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/itinerary-changed");
        change(id, "W/\"2-en\"").expectStatus().isEqualTo(412);
        change(id, "\"2-ru\"").expectStatus().isOk();
        itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(3);
    }

    private WebTestClient.ResponseSpec change(String id, String ifMatch) {
        return itineraries.put().uri("/api/itineraries/{id}", id).header("X-Agency-Id", AGENCY)
                .header(HttpHeaders.IF_MATCH, ifMatch).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Trips.iceFestival("2027-03-24", "2027-03-27", Trips.travellers(2))).exchange();
    }

    @Test
    void the_agencys_itineraries_come_in_pages_that_say_how_many_there_are_and_link_to_the_others() {
        String agency = "paging-" + java.util.UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        List<Object> listed = new ArrayList<>();
        for (String start : List.of("2027-03-03", "2027-03-10", "2027-03-17")) {
            ids.add(Trips.createdId(itineraries, agency, Trips.iceFestival(start, "2027-03-24", Trips.family())));
        }

        itineraries.get().uri("/api/itineraries?status=DRAFT&size=2").header("X-Agency-Id", agency).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectHeader().valueEquals(HttpHeaders.LINK, String.join(", ",
                        "</api/itineraries?status=DRAFT&page=0&size=2>; rel=\"first\"",
                        "</api/itineraries?status=DRAFT&page=1&size=2>; rel=\"next\"",
                        "</api/itineraries?status=DRAFT&page=1&size=2>; rel=\"last\""))
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[*].id").value(List.class, page -> listed.addAll(page));
        itineraries.get().uri("/api/itineraries?status=DRAFT&size=2&page=1").header("X-Agency-Id", agency)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.LINK, link -> assertThat(link)
                        .contains("</api/itineraries?status=DRAFT&page=0&size=2>; rel=\"prev\"")
                        .doesNotContain("rel=\"next\""))
                .expectBody().jsonPath("$[*].id").value(List.class, page -> listed.addAll(page));
        assertThat(listed).as("the two pages hold each itinerary once").containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void a_page_out_of_bounds_is_a_400_naming_the_parameter() {
        for (String query : List.of("size=0", "size=101", "page=-1", "page=first")) {
            String parameter = query.substring(0, query.indexOf('='));
            itineraries.get().uri("/api/itineraries?" + query).header("X-Agency-Id", AGENCY).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
        }
    }

    @Test
    void unknown_flights_and_attractions_are_400s_naming_the_field() {
        Map<String, Object> trip = new java.util.HashMap<>(Trips.iceFestival("2027-01-06", "2027-01-09",
                Trips.family()));
        trip.put("outboundFlightId", java.util.UUID.randomUUID().toString());
        trip.remove("package");
        trip.put("activities", List.of(Map.of("attractionId", "moscow-kremlin", "date", "2027-01-07")));

        invalid(trip, "outboundFlightId", "activities[0].attractionId");
    }

    @Test
    void a_return_before_the_outbound_is_a_400() {
        invalid(Trips.iceFestival("2027-01-09", "2027-01-06", Trips.family()), "returnFlightId");
    }

    @Test
    void no_travellers_or_more_than_nine_is_a_400() {
        invalid(Trips.iceFestival("2027-01-06", "2027-01-09", List.of()), "travellers");
        invalid(Trips.iceFestival("2027-01-06", "2027-01-09", Trips.travellers(10)), "travellers");
    }

    @Test
    void a_traveller_with_a_bad_passport_number_or_country_is_a_400_naming_the_field() {
        List<Map<String, Object>> travellers = new ArrayList<>(Trips.family());
        Map<String, Object> odd = new java.util.HashMap<>(Trips.traveller("Pyotr", "Petrov", "ORDINARY"));
        odd.put("passportNumber", "12-34");
        odd.put("nationality", "Russia");
        travellers.add(odd);

        invalid(Trips.iceFestival("2027-01-06", "2027-01-09", travellers), "travellers[3].passportNumber",
                "travellers[3].nationality");
    }

    @Test
    void malformed_dates_and_ids_are_400s_not_500s() {
        itineraries.post().uri("/api/itineraries").header("X-Agency-Id", AGENCY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"destination\":\"CN\",\"outboundFlightId\":\"not-an-id\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("outboundFlightId");
        itineraries.post().uri("/api/itineraries").header("X-Agency-Id", AGENCY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"package\":{\"packageId\":\"harbin-ice-festival-4d\",\"startDate\":\"6 January\"}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("package.startDate");
    }

    private void invalid(Object trip, String... fields) {
        var body = Trips.create(itineraries, AGENCY, trip).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        for (String field : fields) {
            body.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
    }
}
