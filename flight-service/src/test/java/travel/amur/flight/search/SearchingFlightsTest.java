package travel.amur.flight.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.testing.MutableClock;
import travel.amur.flight.support.FlightServiceTest;
import travel.amur.flight.support.TestClock;

/** Search uses the flights of 6 to 9 January 2027 (the clock stands at 4 January). */
@FlightServiceTest
class SearchingFlightsTest {

    @Autowired WebTestClient web;
    @Autowired MutableClock clock;

    @Test
    void an_agent_finds_the_wednesday_flight_from_yuzhno_sakhalinsk_with_local_times_and_the_price_for_two() {
        search("origin=UUS&destination=HRB&date=2027-01-06&passengers=2")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.currency").isEqualTo("RUB")
                .jsonPath("$.offers.length()").isEqualTo(1)
                .jsonPath("$.offers[0].flightId").isEqualTo(TestClock.flight("HZ4698", "2027-01-06").toString())
                .jsonPath("$.offers[0].flightNumber").isEqualTo("HZ4698")
                .jsonPath("$.offers[0].carrier.name").isEqualTo("Aurora")
                .jsonPath("$.offers[0].departure").isEqualTo("2027-01-06T14:00:00+11:00")
                .jsonPath("$.offers[0].arrival").isEqualTo("2027-01-06T13:55:00+08:00")
                .jsonPath("$.offers[0].durationMinutes").isEqualTo(175)
                .jsonPath("$.offers[0].schedule.carriedForward").isEqualTo(true)
                .jsonPath("$.offers[0].schedule.note").value(note -> assertThat((String) note)
                        .contains("carried forward"))
                .jsonPath("$.offers[0].schedule.source").value(source -> assertThat((String) source)
                        .contains("Sakhalin Media 2023-10-30"))
                .jsonPath("$.offers[0].schedule.fareSource").value(source -> assertThat((String) source)
                        .contains("12,500 RUB"))
                .jsonPath("$.offers[0].schedule.placeholders.length()").isEqualTo(0)
                .jsonPath("$.offers[0].seatsAvailable").isEqualTo(70)
                .jsonPath("$.offers[0].price.perPassenger.amount").isEqualTo(12500.0)
                .jsonPath("$.offers[0].price.total.amount").isEqualTo(25000.0)
                .jsonPath("$.offers[0].price.total.currency").isEqualTo("RUB")
                .jsonPath("$.offers[0].expiresAt").isEqualTo(clock.instant().plus(Duration.ofMinutes(20)).toString());
    }

    @Test
    void prices_can_be_asked_for_in_yuan_and_default_to_yuan_from_harbin() {
        search("origin=UUS&destination=HRB&date=2027-01-06&currency=CNY")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.offers[0].price.perPassenger.amount").isEqualTo(1096.0)
                .jsonPath("$.offers[0].price.perPassenger.currency").isEqualTo("CNY");
        search("origin=HRB&destination=UUS&date=2027-01-06")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.currency").isEqualTo("CNY")
                .jsonPath("$.offers[0].departure").isEqualTo("2027-01-06T15:00:00+08:00")
                .jsonPath("$.offers[0].arrival").isEqualTo("2027-01-06T20:40:00+11:00");
    }

    @Test
    void a_flexible_search_finds_the_flights_of_nearby_days_in_departure_order() {
        search("origin=UUS&destination=HRB&date=2027-01-07&flexDays=2")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.offers.length()").isEqualTo(2)
                .jsonPath("$.offers[0].departure").isEqualTo("2027-01-06T14:00:00+11:00")
                .jsonPath("$.offers[1].departure").isEqualTo("2027-01-09T14:00:00+11:00");
    }

    @Test
    void a_withdrawn_schedule_sells_nothing_mohe_has_no_flight_on_record() {
        search("origin=HRB&destination=OHE&date=2027-01-08&flexDays=3")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.offers.length()").isEqualTo(0);
    }

    @Test
    void a_day_without_flights_has_no_offers() {
        search("origin=UUS&destination=HRB&date=2027-01-07")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.offers.length()").isEqualTo(0);
    }

    @Test
    void an_unknown_airport_is_a_400_naming_the_field() {
        invalid("origin=XXX&destination=HRB&date=2027-01-06", "origin");
        invalid("origin=UUS&destination=ZZZ&date=2027-01-06", "destination");
    }

    @Test
    void the_same_origin_and_destination_is_a_400() {
        invalid("origin=HRB&destination=HRB&date=2027-01-06", "destination");
    }

    @Test
    void a_date_in_the_past_or_beyond_sale_is_a_400() {
        invalid("origin=UUS&destination=HRB&date=2027-01-02", "date");
        invalid("origin=UUS&destination=HRB&date=2029-01-06", "date");
    }

    @Test
    void a_malformed_date_is_a_400() {
        invalid("origin=UUS&destination=HRB&date=06.01.2027", "date");
    }

    @Test
    void passengers_must_be_one_to_fifty_the_largest_group() {
        invalid("origin=UUS&destination=HRB&date=2027-01-06&passengers=0", "passengers");
        invalid("origin=UUS&destination=HRB&date=2027-01-06&passengers=51", "passengers");
        invalid("origin=UUS&destination=HRB&date=2027-01-06&passengers=two", "passengers");
    }

    @Test
    void an_unknown_currency_is_a_400() {
        invalid("origin=UUS&destination=HRB&date=2027-01-06&currency=EUR", "currency");
    }

    @Test
    void a_missing_parameter_is_a_400_naming_it() {
        invalid("origin=UUS&date=2027-01-06", "destination");
    }

    @Test
    void a_flight_shows_its_cabins_seats_and_fares() {
        web.get().uri("/api/flights/{id}", TestClock.flight("SU6405", "2027-01-05")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.flightNumber").isEqualTo("SU6405")
                .jsonPath("$.origin.timeZone").isEqualTo("Asia/Krasnoyarsk")
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.cabins.length()").isEqualTo(2)
                .jsonPath("$.cabins[?(@.cabin == 'BUSINESS')].capacity").isEqualTo(12);
    }

    @Test
    void an_unknown_flight_is_a_404_and_a_malformed_id_a_400() {
        web.get().uri("/api/flights/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/flights/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("flightId");
    }

    @Test
    void the_routes_list_each_schedule_with_its_days_and_source() {
        web.get().uri("/api/flights/routes").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.flightNumber == 'HZ4698')].days[0]").isEqualTo("WEDNESDAY")
                .jsonPath("$[?(@.flightNumber == 'HZ4698')].departsLocal").isEqualTo("14:00:00")
                .jsonPath("$[?(@.flightNumber == 'HZ4698')].source").value(source ->
                        assertThat(source.toString()).contains("Sakhalin Media"))
                .jsonPath("$[?(@.flightNumber == 'IO731')].placeholders[*]").value(placeholders ->
                        assertThat(placeholders.toString()).contains("day").contains("valid from"))
                .jsonPath("$[?(@.flightNumber == 'CZ6974')].onSale").isEqualTo(List.of(false));
    }

    private WebTestClient.ResponseSpec search(String query) {
        return web.get().uri("/api/flights/search?" + query).exchange();
    }

    private void invalid(String query, String field) {
        search(query).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }
}
