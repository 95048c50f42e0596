package travel.amur.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.gateway.support.RealRedis;
import travel.amur.gateway.support.StubService;

/**
 * Two instances per service behind the gateway, as {@code deploy/local/run.sh --replicas 2} runs them: requests are
 * spread over both, and an instance that is down costs a retry, not the request.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:gateway-test.properties")
@AutoConfigureWebTestClient(timeout = "PT20S")
@Import(RealRedis.class)
class GatewayLoadBalancingTest {

    static final StubService flightsA = new StubService();
    static final StubService flightsB = new StubService();
    static final StubService itineraries = new StubService();
    /** An instance that is listed but not running: every connection to it is refused. */
    static final String deadInstance = "http://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort();

    @Autowired WebTestClient web;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.flight-service[0].uri", flightsA::url);
        registry.add("spring.cloud.discovery.client.simple.instances.flight-service[1].uri", flightsB::url);
        registry.add("spring.cloud.discovery.client.simple.instances.itinerary-service[0].uri", () -> deadInstance);
        registry.add("spring.cloud.discovery.client.simple.instances.itinerary-service[1].uri", itineraries::url);
    }

    @AfterAll
    static void stopStubs() {
        flightsA.close();
        flightsB.close();
        itineraries.close();
    }

    @BeforeEach
    void bothUp() {
        flightsA.up();
        flightsB.up();
    }

    @Test
    void requests_are_spread_over_the_instances_of_a_service() {
        int a = flightsA.hits();
        int b = flightsB.hits();
        for (int i = 0; i < 10; i++) {
            get("/api/flights/routes").expectStatus().isOk();
        }

        assertThat(flightsA.hits() - a).isEqualTo(5);
        assertThat(flightsB.hits() - b).isEqualTo(5);
    }

    @Test
    void with_one_instance_killed_every_read_still_gets_its_answer_from_the_other() {
        flightsB.down();

        for (int i = 0; i < 10; i++) {
            get("/api/flights/routes").expectStatus().isOk();
        }
    }

    @Test
    void a_write_without_an_idempotency_key_whose_connection_was_refused_is_sent_to_another_instance() {
        int before = itineraries.hits();
        for (int i = 0; i < 6; i++) {
            web.post().uri("/api/itineraries/x/cancel").header("X-API-Key", "limited-test-key-1")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }

        assertThat(itineraries.hits() - before).as("each write reached the live instance exactly once").isEqualTo(6);
    }

    private WebTestClient.ResponseSpec get(String path) {
        return web.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri(path).header("X-API-Key", "limited-test-key-2").exchange();
    }
}
