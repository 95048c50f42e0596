package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Sinks;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;
import travel.amur.common.testing.InJvmKafka;
import travel.amur.common.testing.SecondApplication;
import travel.amur.common.testing.TestDatabases;
import travel.amur.common.testing.TopicRecorder;

/**
 * What SIGTERM does (the JVM's shutdown closes the context): a request under way is answered, and an event stored
 * just before is still published by the relay's last round rather than left for the next start.
 */
class GracefulShutdownTest {

    @Test
    void a_request_under_way_when_the_application_stops_is_answered_and_its_effect_kept() {
        ConfigurableApplicationContext app = start();
        String item = "in-flight-" + UUID.randomUUID();
        Sinks.Empty<Void> gate = Sinks.empty();
        PlumbingTestApplication.Orders.GATES.put(item, gate);
        try {
            WebTestClient web = client(app);
            CompletableFuture<Integer> answered = CompletableFuture.supplyAsync(() -> web.post().uri("/test/orders")
                    .header("X-Agency-Id", "agency-a").header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"item\": \"" + item + "\", \"quantity\": 1}")
                    .exchange().returnResult(String.class).getStatus().value());
            DatabaseClient db = app.getBean(DatabaseClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> keys(db) > 0);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
            // The server no longer takes new requests, but finishes this one once it can go on.
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !stopping.isDone());
            gate.tryEmitEmpty();

            assertThat(answered.join()).isEqualTo(201);
            stopping.join();
        } finally {
            PlumbingTestApplication.Orders.GATES.remove(item);
            app.close();
        }
    }

    @Test
    void events_stored_before_the_application_stops_are_published_by_the_relays_last_round() {
        ConfigurableApplicationContext app = start();
        String key = "last-round-" + UUID.randomUUID();
        try (TopicRecorder published = new TopicRecorder(InJvmKafka.bootstrapServers(), PlumbingTestApplication.TOPIC)) {
            // Once a notified event is out, the relay has listened and drained: it waits for the next notification.
            String probe = "probe-" + key;
            app.getBean(PlumbingTestApplication.Happenings.class).happen(new TestHappened(probe, 1, "probe"))
                    .block(Duration.ofSeconds(10));
            published.await(message -> probe.equals(message.key()), Duration.ofSeconds(10));
            // Stored without a NOTIFY (the outbox's trigger is off in this database of the test's own), and the
            // fallback poll is an hour away: only the relay's last round sends it.
            DatabaseClient db = app.getBean(DatabaseClient.class);
            db.sql("ALTER TABLE outbox_event DISABLE TRIGGER outbox_event_notify").then().block(Duration.ofSeconds(10));
            EventCodec codec = app.getBean(EventCodec.class);
            var envelope = codec.wrap(new TestHappened(key, 1, "stored just before SIGTERM"), key,
                    Causation.startOf(key));
            db.sql("""
                            INSERT INTO outbox_event (id, topic, message_key, event_type, envelope, created_at)
                            VALUES (:id, :topic, :key, :type, CAST(:envelope AS jsonb), now())
                            """)
                    .bind("id", UUID.fromString(envelope.id())).bind("topic", PlumbingTestApplication.TOPIC)
                    .bind("key", key).bind("type", envelope.type()).bind("envelope", codec.write(envelope))
                    .then().block(Duration.ofSeconds(10));

            assertThat(published.matching(message -> key.equals(message.key()))).as("not sent before the stop")
                    .isEmpty();
            app.close();

            published.await(message -> key.equals(message.key()), Duration.ofSeconds(10));
        }
    }

    private static ConfigurableApplicationContext start() {
        TestDatabases.Database database = TestDatabases.create("plumbing-shutdown");
        return SecondApplication.run(PlumbingTestApplication.class, null,
                "--spring.config.name=plumbing-test",
                "--server.port=0",
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.user(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + InJvmKafka.bootstrapServers());
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static long keys(DatabaseClient db) {
        return db.sql("SELECT count(*) AS n FROM idempotency_key").map(row -> row.get("n", Long.class)).one()
                .block(Duration.ofSeconds(5));
    }
}
