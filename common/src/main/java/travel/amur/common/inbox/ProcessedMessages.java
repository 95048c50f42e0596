package travel.amur.common.inbox;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The ids of the messages each consumer has handled ({@code processed_message}), written in the handler's transaction.
 */
public class ProcessedMessages {

    private final DatabaseClient db;

    public ProcessedMessages(DatabaseClient db) {
        this.db = db;
    }

    /** Records the message; emits false when the consumer had already handled it. */
    public Mono<Boolean> recordFirstDelivery(String consumer, String messageId, Instant at) {
        return db.sql("""
                        INSERT INTO processed_message (consumer, message_id, processed_at)
                        VALUES (:consumer, :messageId, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("consumer", consumer).bind("messageId", messageId).bind("at", at)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    public Mono<Long> deleteHandledBefore(Instant cutoff) {
        return db.sql("DELETE FROM processed_message WHERE processed_at < :cutoff")
                .bind("cutoff", cutoff).fetch().rowsUpdated();
    }
}
