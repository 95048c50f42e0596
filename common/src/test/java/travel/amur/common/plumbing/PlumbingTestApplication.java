package travel.amur.common.plumbing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import travel.amur.common.event.Causation;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.common.outbox.Outbox;
import travel.amur.common.web.IdempotentRequests;
import travel.amur.common.web.ProblemException;

/** A small application that uses the plumbing the way the services do. */
@SpringBootApplication
public class PlumbingTestApplication {

    static final String TOPIC = "amur.test.events";

    /** Writes a state change and its event in one transaction, or neither. */
    @org.springframework.stereotype.Component
    static class Happenings {

        private final Outbox outbox;
        private final TransactionalOperator tx;

        Happenings(Outbox outbox, TransactionalOperator tx) {
            this.outbox = outbox;
            this.tx = tx;
        }

        Mono<Void> happen(TestHappened event) {
            return tx.transactional(outbox.publish(TOPIC, event, event.key(), Causation.startOf(event.key())).then());
        }

        Mono<Void> happenThenFail(TestHappened event) {
            return tx.transactional(outbox.publish(TOPIC, event, event.key(), Causation.startOf(event.key()))
                    .then(Mono.error(new IllegalStateException("the state change failed"))));
        }
    }

    /** Records every handled event as a row, so tests can count effects. */
    @org.springframework.stereotype.Component
    static class EffectRecorder {

        private final IdempotentConsumer consumer;
        private final MessageHandlers handlers;

        EffectRecorder(IdempotentConsumer consumer, DatabaseClient db) {
            this.consumer = consumer;
            this.handlers = MessageHandlers.of("plumbing-test")
                    .on(TestHappened.class, (event, envelope) -> db.sql(
                                    "INSERT INTO test_effect (message_id, key, sequence, note) VALUES (:id, :key, :seq, :note)")
                            .bind("id", envelope.id()).bind("key", event.key()).bind("seq", event.sequence())
                            .bind("note", event.note()).then())
                    .build();
        }

        @KafkaListener(topics = TOPIC)
        void on(ConsumerRecord<String, String> record) {
            consumer.consume(record, handlers);
        }
    }

    /** A booking-like request for the problem and idempotency tests. */
    record PlaceOrder(@NotBlank String item, @NotNull @Min(1) @Max(9) Integer quantity, Size size, LocalDate date) {
    }

    /** An enum to get wrong. */
    enum Size { SMALL, LARGE }

    /** An order as answered. */
    record OrderPlaced(UUID id, String item) {
    }

    @RestController
    static class Orders {

        /** Requests whose item names a gate here wait until the test opens it. */
        static final Map<String, Sinks.Empty<Void>> GATES = new ConcurrentHashMap<>();

        private final IdempotentRequests idempotency;
        private final DatabaseClient db;

        Orders(IdempotentRequests idempotency, DatabaseClient db) {
            this.idempotency = idempotency;
            this.db = db;
        }

        @PostMapping("/test/orders")
        Mono<ResponseEntity<String>> place(@RequestHeader(name = "X-Agency-Id") String client,
                @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                @Valid @RequestBody PlaceOrder order) {
            var request = new IdempotentRequests.Request(client, IdempotentRequests.requireKey(key), "POST /test/orders",
                    order);
            return idempotency.execute(request, () -> {
                        if (order.item().equals("forbidden")) {
                            return Mono.error(ProblemException.invalid("item", "is not sold here"));
                        }
                        UUID id = UUID.randomUUID();
                        Mono<Void> gate = GATES.containsKey(order.item()) ? GATES.get(order.item()).asMono() : Mono.empty();
                        return gate.then(db.sql("INSERT INTO test_order (id, client, item) VALUES (:id, :client, :item)")
                                        .bind("id", id).bind("client", client).bind("item", order.item()).then())
                                .thenReturn(idempotency.respond(HttpStatus.CREATED, new OrderPlaced(id, order.item()),
                                        "/test/orders/" + id));
                    })
                    .map(stored -> stored.toResponseEntity());
        }
    }
}
