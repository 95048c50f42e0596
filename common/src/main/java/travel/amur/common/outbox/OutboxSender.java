package travel.amur.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import travel.amur.common.event.EventEnvelope;

/**
 * Sends claimed outbox events to Kafka and waits until the broker has acknowledged every one.
 */
public class OutboxSender {

    static final String TRACEPARENT = "traceparent";
    private static final String TRACEPARENT_MEMBER = "\"traceparent\"";

    private final KafkaTemplate<String, String> kafka;
    private final Duration timeout;

    public OutboxSender(KafkaTemplate<String, String> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    public Mono<Void> send(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        // KafkaProducer.send can block while it fetches metadata, so it must not run on an event loop.
        return Mono.fromCallable(() -> events.stream().map(this::sendOne).toArray(CompletableFuture[]::new))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> Mono.fromFuture(CompletableFuture.allOf(sent)))
                .timeout(timeout)
                // Leave the producer's I/O thread at once: what follows is database work.
                .publishOn(Schedulers.parallel())
                .then();
    }

    private CompletableFuture<SendResult<String, String>> sendOne(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (event.type() != null) {
            // Lets a consumer pass over a type it has no handler for without reading the envelope.
            record.headers().add(EventEnvelope.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        }
        String traceparent = traceparentOf(event.envelope());
        if (traceparent != null) {
            // The consumer's listener observation continues the trace from this header.
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return kafka.send(record);
    }

    /**
     * The envelope's {@code traceparent}, found without reading the whole document again: its value is a W3C
     * trace context, hex digits and dashes, never an escaped character. PostgreSQL's jsonb gives the envelope back
     * with a space after each colon.
     */
    static String traceparentOf(String envelope) {
        int at = envelope.indexOf(TRACEPARENT_MEMBER);
        if (at < 0) {
            return null;
        }
        int start = at + TRACEPARENT_MEMBER.length();
        while (start < envelope.length() && (envelope.charAt(start) == ' ' || envelope.charAt(start) == ':')) {
            start++;
        }
        if (start >= envelope.length() || envelope.charAt(start) != '"') {
            return null;
        }
        int end = envelope.indexOf('"', start + 1);
        return end < 0 ? null : envelope.substring(start + 1, end);
    }
}
