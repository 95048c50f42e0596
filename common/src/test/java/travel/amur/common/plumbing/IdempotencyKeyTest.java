package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Sinks;
import travel.amur.common.web.StoredResponse;

@PlumbingTest
@AutoConfigureWebTestClient(timeout = "PT20S")
class IdempotencyKeyTest {

    @Autowired WebTestClient web;
    @Autowired DatabaseClient db;

    @Test
    void the_same_key_and_body_replays_the_first_response_without_a_second_effect() {
        String key = UUID.randomUUID().toString();
        String item = "samovar-" + key;

        EntityExchangeResult<String> first = order("agency-a", key, item).expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        EntityExchangeResult<String> retry = order("agency-a", key, item).expectStatus().isCreated()
                .expectHeader().valueEquals(StoredResponse.REPLAYED_HEADER, "true")
                .expectBody(String.class).returnResult();

        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(orders(item)).isEqualTo(1);
    }

    @Test
    void an_error_is_replayed_too() {
        String key = UUID.randomUUID().toString();

        order("agency-a", key, "forbidden").expectStatus().isBadRequest();
        order("agency-a", key, "forbidden").expectStatus().isBadRequest()
                .expectHeader().valueEquals(StoredResponse.REPLAYED_HEADER, "true")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("item");
    }

    @Test
    void the_same_key_with_another_body_is_a_422() {
        String key = UUID.randomUUID().toString();

        order("agency-a", key, "kettle").expectStatus().isCreated();
        order("agency-a", key, "teapot").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/idempotency-key-reused");
        assertThat(orders("teapot")).isZero();
    }

    @Test
    void a_retry_while_the_first_request_is_still_running_is_a_409() {
        String key = UUID.randomUUID().toString();
        String item = "slow-" + key;
        Sinks.Empty<Void> gate = Sinks.empty();
        PlumbingTestApplication.Orders.GATES.put(item, gate);
        try {
            // exchange() returns only once the response arrives, so the first request runs on another thread.
            var firstDone = CompletableFuture.supplyAsync(() -> order("agency-a", key, item));
            await().atMost(Duration.ofSeconds(10)).until(() -> keyLocked(key));

            order("agency-a", key, item).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/request-in-progress");

            gate.tryEmitEmpty();
            firstDone.join().expectStatus().isCreated();
            assertThat(orders(item)).isEqualTo(1);
        } finally {
            PlumbingTestApplication.Orders.GATES.remove(item);
        }
    }

    @Test
    void a_key_whose_first_attempt_died_unfinished_is_free_for_the_retry_at_once() {
        String key = UUID.randomUUID().toString();
        String item = "abandoned-" + key;
        Sinks.Empty<Void> gate = Sinks.empty();
        PlumbingTestApplication.Orders.GATES.put(item, gate);
        // The client gives up on the first attempt: the server cancels it mid-way, as when a connection drops.
        WebTestClient impatient = web.mutate().responseTimeout(Duration.ofMillis(800)).build();
        try {
            impatient.post().uri("/test/orders").header("X-Agency-Id", "agency-a").header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body(item)).exchange();
        } catch (IllegalStateException timedOut) {
            // Expected: no answer within the client's time.
        } finally {
            PlumbingTestApplication.Orders.GATES.remove(item);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "IN_PROGRESS".equals(keyState(key)) && !keyLocked(key));

        order("agency-a", key, item).expectStatus().isCreated()
                .expectHeader().doesNotExist(StoredResponse.REPLAYED_HEADER);
        assertThat(orders(item)).isEqualTo(1);
    }

    @Test
    void keys_are_scoped_to_the_client() {
        String key = UUID.randomUUID().toString();
        String item = "shared-key-" + key;

        order("agency-a", key, item).expectStatus().isCreated();
        order("agency-b", key, item).expectStatus().isCreated()
                .expectHeader().doesNotExist(StoredResponse.REPLAYED_HEADER);

        assertThat(orders(item)).isEqualTo(2);
    }

    @Test
    void a_request_without_a_key_is_a_400_naming_the_header() {
        web.post().uri("/test/orders").header("X-Agency-Id", "agency-a")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("no-key"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    private WebTestClient.ResponseSpec order(String agency, String key, String item) {
        return web.post().uri("/test/orders").header("X-Agency-Id", agency).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(item)).exchange();
    }

    private static String body(String item) {
        return "{\"item\": \"" + item + "\", \"quantity\": 2}";
    }

    private long orders(String item) {
        return db.sql("SELECT count(*) AS n FROM test_order WHERE item = :item").bind("item", item)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    /** A running attempt holds its key's row locked: a SKIP LOCKED read does not see it. */
    private boolean keyLocked(String key) {
        Long visible = db.sql("SELECT idempotency_key FROM idempotency_key WHERE idempotency_key = :key "
                        + "FOR UPDATE SKIP LOCKED").bind("key", key).fetch().all().count().block();
        return keyState(key) != null && visible == 0;
    }

    private String keyState(String key) {
        return db.sql("SELECT state FROM idempotency_key WHERE idempotency_key = :key").bind("key", key)
                .map(row -> row.get("state", String.class)).one().block();
    }
}
