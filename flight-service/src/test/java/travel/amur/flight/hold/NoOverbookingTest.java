package travel.amur.flight.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import travel.amur.common.testing.MutableClock;
import travel.amur.common.testing.SecondApplication;
import travel.amur.flight.FlightServiceApplication;
import travel.amur.flight.support.FlightServiceTest;
import travel.amur.flight.support.TestClock;

/**
 * 500 agents try to hold a seat on the same 70-seat Q400 at once, through two instances of the service on one
 * database: exactly 70 get one, everyone else gets a clean 409, and the inventory adds up.
 */
@FlightServiceTest
class NoOverbookingTest {

    static final int REQUESTS = 500;
    static final int CAPACITY = 70;

    @Autowired Environment environment;
    @Autowired DatabaseClient db;
    @Autowired MutableClock clock;
    @LocalServerPort int firstPort;

    ConfigurableApplicationContext second;

    @AfterEach
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void five_hundred_concurrent_holds_on_seventy_seats_across_two_instances_sell_exactly_seventy() {
        second = secondInstance();
        int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        UUID flight = TestClock.flight("HZ4698", "2027-01-16");
        ConnectionProvider connections = ConnectionProvider.builder("overbooking").maxConnections(REQUESTS)
                .pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .build();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();

        Flux.range(0, REQUESTS)
                .flatMap(i -> client.post()
                        .uri("http://127.0.0.1:" + (i % 2 == 0 ? firstPort : secondPort) + "/api/flights/holds")
                        .header("X-Agency-Id", "agency-" + (i % 7))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("flightId", flight.toString(), "passengers", 1))
                        .exchangeToMono(response -> response.bodyToMono(Map.class).defaultIfEmpty(Map.of())
                                .map(body -> {
                                    boolean problem = response.headers().contentType()
                                            .map(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith).orElse(false);
                                    if (response.statusCode().value() == 201) {
                                        created.incrementAndGet();
                                    } else if (response.statusCode().value() == 409 && problem
                                            && String.valueOf(body.get("type")).endsWith("/seats-unavailable")) {
                                        refused.incrementAndGet();
                                    } else {
                                        other.incrementAndGet();
                                    }
                                    return body;
                                })), REQUESTS)
                .then()
                .block(Duration.ofMinutes(2));
        connections.dispose();

        assertThat(other.get()).as("answers other than 201 or a seats-unavailable 409 problem").isZero();
        assertThat(created.get()).isEqualTo(CAPACITY);
        assertThat(refused.get()).isEqualTo(REQUESTS - CAPACITY);
        Map<String, Object> inventory = db.sql(
                        "SELECT capacity, held, sold FROM seat_inventory WHERE flight_id = :id AND cabin = 'ECONOMY'")
                .bind("id", flight).fetch().one().block();
        assertThat(((Number) inventory.get("held")).intValue() + ((Number) inventory.get("sold")).intValue())
                .isEqualTo(CAPACITY).isEqualTo(((Number) inventory.get("capacity")).intValue());
        Long heldInHolds = db.sql("SELECT sum(seats) AS n FROM seat_hold WHERE flight_id = :id AND status = 'HELD'")
                .bind("id", flight).map(row -> row.get("n", Long.class)).one().block();
        assertThat(heldInHolds).isEqualTo(CAPACITY);
    }

    /** The same application on the same database and broker, sharing the test's clock. */
    private ConfigurableApplicationContext secondInstance() {
        return SecondApplication.run(FlightServiceApplication.class, clock,
                "--server.port=0", "--spring.config.name=" + FlightServiceApplication.CONFIG_NAME,
                        "--spring.r2dbc.url=" + environment.getRequiredProperty("spring.r2dbc.url"),
                        "--spring.r2dbc.username=" + environment.getRequiredProperty("spring.r2dbc.username"),
                        "--spring.r2dbc.password=" + environment.getRequiredProperty("spring.r2dbc.password"),
                        "--spring.kafka.bootstrap-servers="
                                + environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                        "--logging.structured.format.console=");
    }

}
