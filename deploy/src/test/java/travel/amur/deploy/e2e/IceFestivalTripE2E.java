package travel.amur.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import travel.amur.deploy.bench.AmurClient;

/**
 * A Russian family from Yuzhno-Sakhalinsk books four days at the Harbin ice festival next January, through the gateway
 * of a running local stack ({@code deploy/local/run.sh}), watching the booking on its event stream. China's trial
 * visa-free regime for Russians ends on 2026-09-14 in the seed data, so the first booking is REJECTED with every seat
 * given back; operations then extend the policy and the second booking is CONFIRMED. Afterwards the booking is
 * cancelled and the policy put back as it was found.
 *
 * <p>Run: {@code ./mvnw -B -Pe2e -pl deploy -am verify} ({@code -Damur.gateway=...} for another stack).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IceFestivalTripE2E {

    private static final String TRIAL = "/api/visa/policies/CN-RU-VISA-FREE-TRIAL";
    private static final Duration BOOKING_ENDS_WITHIN = Duration.ofSeconds(60);

    static AmurClient agency;
    static AmurClient ops;
    static String trialEnd;
    static Flights flights;
    static String confirmedItinerary;

    /** The outbound Wednesday flight Yuzhno-Sakhalinsk to Harbin and the Saturday flight back: four days in Harbin. */
    record Flights(LocalDate outboundDate, String outbound, String inbound) {
    }

    @BeforeAll
    static void agencyAndOperations() {
        String gateway = System.getProperty("amur.gateway", "http://127.0.0.1:8080");
        Properties keys = AmurClient.demoKeys(Path.of(System.getProperty("amur.demo-keys", "local/demo-keys.env")));
        agency = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_TAIGA")).checkingEach(Contract::check);
        ops = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_OPS")).checkingEach(Contract::check);
        trialEnd = ops.get(TRIAL).expect(200).body().path("entryTo").asString();
        flights = nextJanuaryFlights();
    }

    @AfterAll
    static void leaveTheDataAsFound() {
        if (confirmedItinerary != null) {
            agency.post("/api/itineraries/" + confirmedItinerary + "/cancel", Map.of(), null);
        }
        if (ops != null && trialEnd != null) {
            ops.patch(TRIAL, Map.of("entryTo", trialEnd)).expect(200);
        }
    }

    @Test
    @Order(1)
    void before_the_trial_is_extended_the_family_is_rejected_for_visas_and_every_held_seat_is_released() {
        assertThat(LocalDate.parse(trialEnd))
                .as("the trial policy must end before the trip, as in the seed data (2026-09-14)")
                .isBefore(flights.outboundDate());
        Map<String, Integer> seatsBefore = seats();

        String id = draft();
        List<String> statuses = book(id);

        assertThat(statuses).startsWith("DRAFT", "PENDING").endsWith("REJECTED");
        JsonNode itinerary = agency.get("/api/itineraries/" + id).expect(200).body();
        assertThat(itinerary.path("status").asString()).isEqualTo("REJECTED");
        assertThat(itinerary.path("rejections").findValuesAsString("code")).containsOnly("VISA_NOT_ELIGIBLE");
        assertThat(itinerary.path("rejections").findValuesAsString("subject"))
                .containsExactlyInAnyOrder("Ivan Smirnov", "Olga Smirnova", "Masha Smirnova");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seats()).isEqualTo(seatsBefore));
    }

    @Test
    @Order(2)
    void once_operations_extend_the_trial_the_same_trip_is_confirmed_and_the_phone_sees_it() {
        ops.patch(TRIAL, Map.of("entryTo", flights.outboundDate().plusMonths(2).toString())).expect(200);
        Map<String, Integer> seatsBefore = seats();

        String id = draft();
        List<String> statuses = book(id);
        confirmedItinerary = id;

        assertThat(statuses).containsExactly("DRAFT", "PENDING", "CONFIRMED");
        assertThat(agency.get("/api/itineraries/" + id).expect(200).body().path("status").asString())
                .isEqualTo("CONFIRMED");
        assertThat(seats()).allSatisfy((flight, free) -> assertThat(free).isEqualTo(seatsBefore.get(flight) - 3));
    }

    @Test
    @Order(3)
    void cancelling_the_confirmed_trip_gives_its_seats_back() {
        assertThat(confirmedItinerary).as("the trip confirmed by the previous test").isNotNull();
        Map<String, Integer> seatsBooked = seats();

        agency.post("/api/itineraries/" + confirmedItinerary + "/cancel", Map.of(), null).expect(200);
        confirmedItinerary = null;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seats())
                .allSatisfy((flight, free) -> assertThat(free).isEqualTo(seatsBooked.get(flight) + 3)));
    }

    /** Drafts the 4-day ice-festival package for the family: two parents and a daughter with ordinary passports. */
    private static String draft() {
        List<Map<String, Object>> family = List.of(
                AmurClient.traveller("Ivan", "Smirnov", "ORDINARY", "1984-02-11"),
                AmurClient.traveller("Olga", "Smirnova", "ORDINARY", "1987-06-30"),
                AmurClient.traveller("Masha", "Smirnova", "ORDINARY", "2016-09-01"));
        JsonNode draft = agency.post("/api/itineraries",
                AmurClient.trip(flights.outbound(), flights.inbound(), family, flights.outboundDate()), null)
                .expect(201).body();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("days")).hasSize(4);
        return draft.path("id").asString();
    }

    /** Books an itinerary once its event stream is open, and answers the statuses seen until the booking ended. */
    private static List<String> book(String id) {
        List<String> statuses = new CopyOnWriteArrayList<>();
        agency.watch(id, status -> {
            statuses.add(status);
            return status.equals("CONFIRMED") || status.equals("REJECTED");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !statuses.isEmpty());
        JsonNode accepted = agency.post("/api/itineraries/" + id + "/book", Map.of(), UUID.randomUUID().toString())
                .expect(202).body();
        assertThat(accepted.path("status").asString()).isEqualTo("PENDING");
        await().atMost(BOOKING_ENDS_WITHIN).until(() -> statuses.contains("CONFIRMED")
                || statuses.contains("REJECTED"));
        return List.copyOf(statuses);
    }

    /** Free economy seats of both flights, by flight id. */
    private static Map<String, Integer> seats() {
        return Map.of(flights.outbound(), freeSeats(flights.outbound()), flights.inbound(),
                freeSeats(flights.inbound()));
    }

    private static int freeSeats(String flightId) {
        return agency.get("/api/flights/" + flightId).expect(200).body().path("cabins").get(0)
                .path("seatsAvailable").asInt();
    }

    /** The first Wednesday from the festival's opening on 5 January, at least a week away, with both flights. */
    private static Flights nextJanuaryFlights() {
        LocalDate today = LocalDate.now();
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            for (LocalDate day = LocalDate.of(year, Month.JANUARY, 1); day.getMonthValue() == 1; day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY && day.getDayOfMonth() >= 5
                        && day.isAfter(today.plusDays(7))) {
                    String out = agency.flight("UUS", "HRB", day);
                    String back = agency.flight("HRB", "UUS", day.plusDays(3));
                    if (out != null && back != null) {
                        return new Flights(day, out, back);
                    }
                }
            }
        }
        throw new IllegalStateException("no Wednesday UUS-HRB flight with a Saturday return in a coming January");
    }
}
