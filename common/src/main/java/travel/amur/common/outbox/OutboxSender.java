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
        return kafka.send(record);
    }
}
