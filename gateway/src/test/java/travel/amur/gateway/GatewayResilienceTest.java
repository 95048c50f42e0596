package travel.amur.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.gateway.support.RealRedis;
import travel.amur.gateway.support.StubService;

/** Rate limits, circuit breakers, time limits and retries, against stub services that fail on demand. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "amur.gateway.rate-limit.overrides[limited-agency-1].replenish-rate=1",
                "amur.gateway.rate-limit.overrides[limited-agency-1].burst-capacity=3",
                "amur.gateway.rate-limit.overrides[limited-agency-10].replenish-rate=1",
                "amur.gateway.rate-limit.overrides[limited-agency-10].period=4s",
                "amur.gateway.rate-limit.overrides[limited-agency-10].burst-capacity=1",
                "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
                "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
                "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
                "resilience4j.timelimiter.configs.default.timeout-duration=1s"})
@TestPropertySource(locations = "classpath:gateway-test.properties")
@AutoConfigureWebTestClient(timeout = "PT20S")
@Import(RealRedis.class)
@ExtendWith(OutputCaptureExtension.class)
class GatewayResilienceTest {

    static final StubService flights = new StubService();
    static final StubService visa = new StubService();
    static final StubService itineraries = new StubService();

    @Autowired WebTestClient web;

    @Autowired ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("amur.services.flight", flights::url);
        registry.add("amur.services.visa", visa::url);
        registry.add("amur.services.itinerary", itineraries::url);
    }

    @AfterAll
    static void stopStubs() {
        flights.close();
        visa.close();
        itineraries.close();
    }

    @BeforeEach
    void healthy() {
        for (StubService stub : new StubService[] {flights, visa, itineraries}) {
            stub.up();
            stub.answer(200, Duration.ZERO);
        }
    }

    /** The limited agency's bucket starts full, whatever an earlier run left in Redis. */
    @BeforeEach
    void fullBucket() {
        redis.delete("amur.rate-limit.{agency:limited-agency-1}", "amur.rate-limit.{agency:limited-agency-10}").block();
    }

    @Test
    void over_its_limit_an_agency_gets_a_429_with_retry_after_then_recovers_and_others_are_not_affected() {
        String key = "limited-test-key-1";
        // The first calls through a new context are slow (class loading, JIT); the bucket refills one token a second,
        // so warm the route up with another agency before spending this one's three tokens back to back.
        get("/api/flights/routes", "limited-test-key-2").expectStatus().isOk();
        fullBucket();
        get("/api/flights/routes", key).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Policy", "\"agency\";q=3;w=3")
                .expectHeader().valueEquals("RateLimit", "\"agency\";r=2;t=1");
        for (int i = 0; i < 2; i++) {
            get("/api/flights/routes", key).expectStatus().isOk();
        }

        get("/api/flights/routes", key).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "3")
                .expectHeader().valueEquals("RateLimit", "\"agency\";r=0;t=3")
                .expectBody().jsonPath("$.retryAfterSeconds").isEqualTo(1);
        get("/api/flights/routes", "limited-test-key-2").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> get("/api/flights/routes", key).expectStatus().isOk());
    }

    @Test
    void retry_after_says_when_a_slow_bucket_has_its_next_token_and_the_request_then_goes_through() {
        String key = "limited-test-key-10";
        // One request every 4 s.
        get("/api/flights/routes", key).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Policy", "\"agency\";q=1;w=4");

        var refused = get("/api/flights/routes", key).expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("RateLimit", "\"agency\";r=0;t=[34]")
                .returnResult(String.class);
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(3L, 4L);

        long refusedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(retryAfter + 1)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> get("/api/flights/routes", key).expectStatus().isOk());
        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt))
                .as("no token before Retry-After (whole seconds, rounded up)")
                .isGreaterThan(Duration.ofSeconds(retryAfter - 1));
    }

    @Test
    void the_breaker_opens_while_a_service_is_down_answers_503_at_once_and_closes_once_it_is_back(
            CapturedOutput logs) {
        String key = "limited-test-key-3";
        visa.down();
        for (int i = 0; i < 4; i++) {
            post("/api/visa/eligibility", key).expectStatus().isEqualTo(503);
        }
        visa.up();
        int hitsWhileOpen = visa.hits();

        post("/api/visa/eligibility", key).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.service").isEqualTo("visa-service");
        assertThat(visa.hits()).as("an open breaker does not call the service").isEqualTo(hitsWhileOpen);

        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(400))
                .untilAsserted(() -> post("/api/visa/eligibility", "limited-test-key-4").expectStatus().isOk());
        // Half open lets three trial calls through; once they succeed the breaker closes.
        for (int i = 0; i < 3; i++) {
            post("/api/visa/eligibility", "limited-test-key-4").expectStatus().isOk();
        }
        assertThat(logs.getOut()).as("operations see the breaker open and close")
                .contains("circuit breaker of visa-service: State transition from CLOSED to OPEN")
                .contains("circuit breaker of visa-service: State transition from HALF_OPEN to CLOSED");
    }

    @Test
    void a_service_that_answers_too_late_gets_a_504_problem_and_does_not_stall_the_other_routes() {
        itineraries.answer(200, Duration.ofSeconds(3));
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            get("/api/itineraries", "limited-test-key-5").expectStatus().isEqualTo(504)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://amur.travel/problems/service-timeout")
                    .jsonPath("$.service").isEqualTo("itinerary-service");
            return (System.nanoTime() - started) / 1_000_000;
        });

        long started = System.nanoTime();
        get("/api/flights/routes", "limited-test-key-6").expectStatus().isOk();
        assertThat((System.nanoTime() - started) / 1_000_000).as("flights answered while itineraries hung")
                .isLessThan(800);
        assertThat(slow.join()).as("the time limit cut the slow call").isLessThan(2_500);
    }

    @Test
    void reads_and_keyed_writes_are_retried_but_a_plain_write_never_is() {
        flights.failNext(2, 503);
        int before = flights.hits();
        get("/api/flights/routes", "limited-test-key-7").expectStatus().isOk();
        assertThat(flights.hits() - before).isEqualTo(3);

        flights.failNext(1, 503);
        before = flights.hits();
        web.post().uri("/api/flights/holds").header("X-API-Key", "limited-test-key-7")
                .header("Idempotency-Key", "retry-me").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(flights.hits() - before).isEqualTo(2);

        flights.failNext(1, 503);
        before = flights.hits();
        post("/api/flights/holds/x/confirm", "limited-test-key-8").expectStatus().isEqualTo(503);
        assertThat(flights.hits() - before).isEqualTo(1);
    }

    @Test
    void sixty_concurrent_calls_to_a_slow_service_all_get_through_the_breaker() {
        flights.answer(200, Duration.ofMillis(400));
        ExecutorService clients = Executors.newFixedThreadPool(60);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 60)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> get("/api/flights/routes", "limited-test-key-9")
                            .returnResult(String.class).getStatus().value(), clients))
                    .toList();

            assertThat(calls.stream().map(CompletableFuture::join)).as("no call turned away by a bulkhead")
                    .containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
    }

    private WebTestClient.ResponseSpec get(String path, String key) {
        return web.get().uri(path).header("X-API-Key", key).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String key) {
        return web.post().uri(path).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }
}
