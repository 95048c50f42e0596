package travel.amur.common.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.EventEnvelope;

/**
 * Handles each message at most once per consumer: the message id is recorded in the same transaction as the
 * handler's effects, so a redelivery finds it and has no second effect.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final EventCodec codec;
    private final ProcessedMessages processed;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration handlingTimeout;

    public IdempotentConsumer(EventCodec codec, ProcessedMessages processed, TransactionalOperator tx, Clock clock,
            MeterRegistry meters, Duration handlingTimeout) {
        this.codec = codec;
        this.processed = processed;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.handlingTimeout = handlingTimeout;
    }

    /** What became of a message. */
    public enum Outcome { HANDLED, DUPLICATE, IGNORED }

    /** Reads and handles one message; unreadable ones fail with {@link travel.amur.common.event.UnreadableMessageException}. */
    public Mono<Outcome> consume(String message, MessageHandlers handlers) {
        return Mono.defer(() -> {
            EventEnvelope envelope = codec.read(message);
            long started = System.nanoTime();
            if (envelope.time() != null) {
                // How long the message took from its transaction to this consumer: outbox, relay, Kafka.
                meters.timer("amur.messages.delivery", "consumer", handlers.consumer())
                        .record(Duration.between(envelope.time(), clock.instant()));
            }
            return handlers.forType(envelope.type())
                    .map(registered -> handleOnce(envelope, registered, handlers.consumer()))
                    .orElseGet(() -> Mono.just(Outcome.IGNORED))
                    .doOnNext(outcome -> {
                        count(handlers.consumer(), envelope.type(), outcome);
                        meters.timer("amur.messages.handling", "consumer", handlers.consumer())
                                .record(Duration.ofNanos(System.nanoTime() - started));
                    });
        });
    }

    private Mono<Outcome> handleOnce(EventEnvelope envelope, MessageHandlers.Registered<?> registered,
            String consumer) {
        return tx.transactional(processed.recordFirstDelivery(consumer, envelope.id(), clock.instant())
                .flatMap(first -> first
                        ? registered.handle(codec, envelope).thenReturn(Outcome.HANDLED)
                        : Mono.just(Outcome.DUPLICATE)));
    }

    /**
     * For a {@code @KafkaListener}: handles the record on the listener's own thread and returns once the
     * transaction has committed, so the offset is committed only after the effects. The listener thread is a Kafka
     * consumer thread, never a Netty event loop; waiting there keeps each partition in order.
     */
    public Outcome consume(ConsumerRecord<String, String> record, MessageHandlers handlers) {
        MDC.put("kafkaTopic", record.topic());
        MDC.put("kafkaKey", record.key());
        try {
            Outcome outcome = consume(record.value(), handlers).block(handlingTimeout);
            if (outcome == Outcome.DUPLICATE) {
                log.info("dropped a duplicate delivery on {} (key {})", record.topic(), record.key());
            }
            return outcome;
        } finally {
            MDC.remove("kafkaTopic");
            MDC.remove("kafkaKey");
        }
    }

    private void count(String consumer, String type, Outcome outcome) {
        meters.counter("amur.messages.consumed", "consumer", consumer, "type", type,
                "outcome", outcome.name().toLowerCase()).increment();
    }
}
