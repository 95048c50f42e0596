package travel.amur.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import travel.amur.deploy.bench.AmurClient;

/**
 * Six Russians on the 4-day ice-festival package next January, as a group tour, through the gateway of a running
 * local stack. With the 30-day trial ended (as seeded, 2026-09-14) the 2000 group agreement is their visa-free way
 * in: Taiga Travel, authorised for group tours (deploy/local/demo-keys.env), books them to CONFIRMED in one hold per
 * flight; Songhua Tours, not authorised, is refused naming the authorisation. Seats are given back afterwards.
 *
 * <p>Run: {@code ./mvnw -B -Pe2e -pl deploy -am verify}.
 */
class GroupTourE2E {

    static final String TRIAL = "/api/visa/policies/CN-RU-VISA-FREE-TRIAL";

    static AmurClient authorised;
    static AmurClient unauthorised;
    static LocalDate outboundDate;
    static String outbound;
    static String inbound;
    static final List<String> toCancel = new ArrayList<>();

    @BeforeAll
    static void agenciesAndFlights() {
        String gateway = System.getProperty("amur.gateway", "http://127.0.0.1:8080");
        Properties keys = AmurClient.demoKeys(Path.of(System.getProperty("amur.demo-keys", "local/demo-keys.env")));
        authorised = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_TAIGA")).checkingEach(Contract::check);
        unauthorised = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_SONGHUA")).checkingEach(Contract::check);
        // The festival's January, this season's or next (flights are on sale a year ahead): a Wednesday from the
        // 12th, at least a week away.
        LocalDate today = LocalDate.now();
        search:
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            for (LocalDate day = LocalDate.of(year, Month.JANUARY, 12); day.getMonth() == Month.JANUARY;
                    day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY && day.isAfter(today.plusDays(7))
                        && day.isBefore(today.plusDays(360))) {
                    outbound = authorised.flight("UUS", "HRB", day);
                    inbound = authorised.flight("HRB", "UUS", day.plusDays(3));
                    if (outbound != null && inbound != null) {
                        outboundDate = day;
                        break search;
                    }
                }
            }
        }
        assertThat(outboundDate).as("a January Wednesday with both flights").isNotNull();
        LocalDate trialEnd = LocalDate.parse(authorised.get(TRIAL).expect(200).body().path("entryTo").asString());
        assertThat(trialEnd).as("the 30-day trial ended before the trip, as seeded").isBefore(outboundDate);
    }

    @AfterAll
    static void giveTheSeatsBack() {
        toCancel.forEach(id -> authorised.post("/api/itineraries/" + id + "/cancel", Map.of(), null));
    }

    @Test
    void an_agency_authorised_for_group_tours_books_six_russians_to_confirmed() {
        int freeBefore = freeSeats(outbound);

        String id = draft(authorised);
        String status = book(authorised, id);
        toCancel.add(id);

        assertThat(status).isEqualTo("CONFIRMED");
        assertThat(freeSeats(outbound)).isEqualTo(freeBefore - 6);
        assertThat(authorised.get("/api/itineraries/" + id + "/booking").expect(200).body().path("log").toString())
                .contains("OUTBOUND_SEATS held");
    }

    @Test
    void an_agency_not_authorised_is_refused_naming_the_authorisation_and_holds_no_seat() {
        int freeBefore = freeSeats(outbound);

        String id = draft(unauthorised);
        String status = book(unauthorised, id);

        assertThat(status).isEqualTo("REJECTED");
        JsonNode rejection = unauthorised.get("/api/itineraries/" + id).expect(200).body().path("rejections").get(0);
        assertThat(rejection.path("code").asString()).isEqualTo("AGENCY_NOT_AUTHORISED");
        assertThat(rejection.path("message").asString()).contains("not authorised for group tours");
        await().atMost(Duration.ofSeconds(30)).until(() -> freeSeats(outbound) == freeBefore);
    }

    private static String draft(AmurClient agency) {
        List<Map<String, Object>> group = new ArrayList<>();
        for (String name : List.of("Anna", "Boris", "Vera", "Gleb", "Daria", "Egor")) {
            group.add(AmurClient.traveller(name, "Kuznetsov", "ORDINARY", "1980-04-01"));
        }
        Map<String, Object> trip = new HashMap<>(AmurClient.trip(outbound, inbound, group, outboundDate));
        trip.put("groupTour", true);
        JsonNode draft = agency.post("/api/itineraries", trip, null).expect(201).body();
        return draft.path("id").asString();
    }

    private static String book(AmurClient agency, String id) {
        agency.post("/api/itineraries/" + id + "/book", Map.of(), UUID.randomUUID().toString()).expect(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("CONFIRMED", "REJECTED")
                .contains(agency.get("/api/itineraries/" + id).expect(200).body().path("status").asString()));
        return agency.get("/api/itineraries/" + id).expect(200).body().path("status").asString();
    }

    private static int freeSeats(String flightId) {
        return authorised.get("/api/flights/" + flightId).expect(200).body().path("cabins").get(0)
                .path("seatsAvailable").asInt();
    }
}
