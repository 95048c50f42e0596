package travel.amur.itinerary.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.itinerary.support.Platform;
import travel.amur.itinerary.support.Trips;

/** Operations narrowing an entry policy disrupt the trips that relied on it for their dates, and no others. */
class EntryPolicyDisruptionsTest {

    static WebTestClient itineraries;

    @BeforeAll
    static void platform() {
        itineraries = Platform.get().client(Platform.Service.ITINERARY);
    }

    @Test
    void ending_the_trial_earlier_disrupts_each_agencys_trips_that_now_arrive_too_late_and_names_other_ways_in() {
        String late = Trips.createdId(itineraries, "taiga-travel", Trips.iceFestival("2027-09-11", "2027-09-15",
                Trips.family()));
        String otherAgency = Trips.createdId(itineraries, "songhua-tours", Trips.iceFestival("2027-09-11",
                "2027-09-15", Trips.travellers(2)));
        String early = Trips.createdId(itineraries, "taiga-travel", Trips.iceFestival("2027-09-04", "2027-09-08",
                Trips.family()));
        try {
            Platform.get().trialEndsOn("2027-09-10");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(Trips.disruptions(itineraries, "taiga-travel", late)).singleElement().satisfies(d -> {
                    assertThat(d.get("type")).isEqualTo("ENTRY_POLICY_CHANGED");
                    assertThat(d.get("subject")).isEqualTo("CN-RU-VISA-FREE-TRIAL");
                    assertThat((String) d.get("detail")).contains("2027-09-10");
                    assertThat(d.get("alternativesReady")).isEqualTo(true);
                    assertThat(Trips.alternatives(d)).isNotEmpty().allSatisfy(a -> {
                        assertThat(a.get("kind")).isEqualTo("ENTRY_ROUTE");
                        assertThat((String) a.get("description")).doesNotContain("CN-RU-VISA-FREE-TRIAL");
                    });
                });
                assertThat(Trips.disruptions(itineraries, "songhua-tours", otherAgency)).singleElement()
                        .satisfies(d -> assertThat(d.get("type")).isEqualTo("ENTRY_POLICY_CHANGED"));
            });
            assertThat(Trips.disruptions(itineraries, "taiga-travel", early)).as("arrives while the trial still admits")
                    .isEmpty();
        } finally {
            Platform.get().trialEndsOn("2027-09-14");
        }
        assertThat(Trips.disruptions(itineraries, "taiga-travel", early))
                .as("widening the window again disrupts nobody").isEmpty();
    }
}
