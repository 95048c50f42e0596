package travel.amur.common.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import travel.amur.common.event.Topics;
import travel.amur.common.health.Outages;
import travel.amur.common.event.UnreadableMessageException;

/**
 * What happens to a message whose handling fails: an outage (database, broker) is retried with backoff while the
 * partition waits; a message that can never be handled goes to {@code <topic>.dlt} at once with the reason in its
 * headers, is counted, and the partition moves on. Anything else is tried three times first.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "amur_dlt_reason";
    public static final String EXCEPTION_HEADER = "amur_dlt_exception";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                // A negative partition lets the key choose one, so the dead-letter topic may have its own count.
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        publisher.setHeadersFunction((record, e) -> {
            Throwable reason = rootCause(e);
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, truncate(String.valueOf(reason.getMessage())).getBytes(StandardCharsets.UTF_8));
            headers.add(EXCEPTION_HEADER, reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            Throwable reason = rootCause(e);
            log.error("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    reason.toString());
            meters.counter("amur.messages.dead_lettered", "topic", record.topic(),
                    "exception", reason.getClass().getSimpleName()).increment();
            publisher.accept(record, e);
        }, new FixedBackOff(250, 2));
        handler.addNotRetryableExceptions(UnreadableMessageException.class);
        handler.setBackOffFunction((record, e) -> isOutage(e) ? outageBackOff() : null);
        return handler;
    }

    private static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        // An outage longer than this dead-letters the message; sagas then time out and compensate.
        backOff.setMaxElapsedTime(600_000);
        return backOff;
    }

    static boolean isOutage(Throwable e) {
        return Outages.isOutage(e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableMessageException) {
                return t;
            }
        }
        return root;
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
