package travel.amur.common.outbox;

import java.time.Instant;

/** An event stored in the outbox and not yet acknowledged by Kafka. */
public record PendingEvent(long position, String topic, String key, String type, String envelope, Instant createdAt) {
}
