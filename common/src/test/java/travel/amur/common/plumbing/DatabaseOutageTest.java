package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.testing.InJvmKafka;
import travel.amur.common.testing.SecondApplication;
import travel.amur.common.testing.TcpProxy;
import travel.amur.common.testing.TestDatabases;

/**
 * The plumbing application with its database behind a proxy that the test cuts, as when PostgreSQL restarts or the
 * network drops: requests are refused as a passing outage, nothing is half-written, and the application comes back by
 * itself.
 */
class DatabaseOutageTest {

    static TcpProxy proxy;
    static ConfigurableApplicationContext app;
    static WebTestClient web;

    @BeforeAll
    static void startBehindAProxy() {
        TestDatabases.Database database = TestDatabases.create("plumbing-outage");
        proxy = new TcpProxy(database.host(), database.port());
        app = SecondApplication.run(PlumbingTestApplication.class, null,
                "--spring.config.name=plumbing-test",
                "--server.port=0",
                "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name(),
                "--spring.r2dbc.username=" + database.user(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + InJvmKafka.bootstrapServers());
        web = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stop() {
        app.close();
        proxy.close();
    }

    @AfterEach
    void databaseBack() {
        proxy.restore();
    }

    @Test
    void while_the_database_is_unreachable_a_write_is_a_503_naming_it_and_its_key_stays_free_for_the_retry() {
        String key = UUID.randomUUID().toString();
        String item = "outage-" + key;
        proxy.cut();

        order(key, item).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://amur.travel/problems/service-unavailable")
                .jsonPath("$.unavailable").isEqualTo("database");

        proxy.restore();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> order(key, item).expectStatus().isCreated()
                        .expectHeader().doesNotExist("Idempotent-Replayed"));
        order(key, item).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(orders(item)).isEqualTo(1);
    }

    @Test
    void readiness_goes_down_while_the_database_is_unreachable_and_up_again_by_itself() {
        await().atMost(Duration.ofSeconds(15)).until(() -> readiness() == 200);

        proxy.cut();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> readiness() == 503);
        // Liveness stays up: restarting the application would not bring the database back.
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

        proxy.restore();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> readiness() == 200);
    }

    private static int readiness() {
        return web.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                .getStatus().value();
    }

    private static WebTestClient.ResponseSpec order(String key, String item) {
        return web.post().uri("/test/orders").header("X-Agency-Id", "agency-a").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"item\": \"" + item + "\", \"quantity\": 2}").exchange();
    }

    private static long orders(String item) {
        return app.getBean(DatabaseClient.class).sql("SELECT count(*) AS n FROM test_order WHERE item = :item")
                .bind("item", item).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }
}
