package travel.amur.common.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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

    private static final String BINARY_PREFIX = "ce_";

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
        return Mono.defer(() -> handle(codec.read(message), handlers));
    }

    private Mono<Outcome> handle(EventEnvelope envelope, MessageHandlers handlers) {
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
        Header announced = record.headers().lastHeader(EventEnvelope.TYPE_HEADER);
        if (announced != null) {
            // A type this consumer has no handler for is passed over unread (it would be ignored after parsing).
            String type = new String(announced.value(), StandardCharsets.UTF_8);
            if (handlers.forType(type).isEmpty()) {
                count(handlers.consumer(), type, Outcome.IGNORED);
                return Outcome.IGNORED;
            }
        }
        MDC.put("kafkaTopic", record.topic());
        MDC.put("kafkaKey", record.key());
        try {
            Outcome outcome = Mono.defer(() -> handle(envelope(record), handlers)).block(handlingTimeout);
            if (outcome == Outcome.DUPLICATE) {
                log.info("dropped a duplicate delivery on {} (key {})", record.topic(), record.key());
            } else if (outcome == Outcome.HANDLED) {
                // One line per handled message, in the trace of the request that caused it (traceId, spanId).
                log.info("{} handled a message from {} (key {})", handlers.consumer(), record.topic(), record.key());
            }
            return outcome;
        } finally {
            MDC.remove("kafkaTopic");
            MDC.remove("kafkaKey");
        }
    }

    /**
     * The record's event: structured mode (the envelope is the value, as Amur writes it) or binary mode (attributes
     * in {@code ce_*} headers, as the CloudEvents SDKs write by default).
     */
    private EventEnvelope envelope(ConsumerRecord<String, String> record) {
        if (record.headers().lastHeader(BINARY_PREFIX + "specversion") == null) {
            return codec.read(record.value());
        }
        Map<String, String> attributes = new HashMap<>();
        String contentType = null;
        for (Header header : record.headers()) {
            String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            if (header.key().startsWith(BINARY_PREFIX)) {
                attributes.put(header.key().substring(BINARY_PREFIX.length()), value);
            } else if (header.key().equalsIgnoreCase("content-type")) {
                contentType = value;
            }
        }
        return codec.readBinary(attributes, contentType, record.value());
    }

    private void count(String consumer, String type, Outcome outcome) {
        meters.counter("amur.messages.consumed", "consumer", consumer, "type", type,
                "outcome", outcome.name().toLowerCase()).increment();
    }
}
