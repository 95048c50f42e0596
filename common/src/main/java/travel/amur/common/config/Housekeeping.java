package travel.amur.common.config;

import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;
import travel.amur.common.inbox.ProcessedMessages;
import travel.amur.common.outbox.OutboxProperties;
import travel.amur.common.outbox.OutboxStore;
import travel.amur.common.web.IdempotentRequests;

/**
 * Deletes what the plumbing no longer needs: published outbox events past their retention, expired idempotency keys,
 * and handled message ids older than any redelivery Kafka could still make.
 */
public class Housekeeping {

    private final OutboxStore outbox;
    private final ProcessedMessages processed;
    private final IdempotentRequests idempotency;
    private final OutboxProperties outboxProperties;
    private final Duration processedRetention;
    private final Clock clock;

    public Housekeeping(OutboxStore outbox, ProcessedMessages processed, IdempotentRequests idempotency,
            OutboxProperties outboxProperties, Duration processedRetention, Clock clock) {
        this.outbox = outbox;
        this.processed = processed;
        this.idempotency = idempotency;
        this.outboxProperties = outboxProperties;
        this.processedRetention = processedRetention;
        this.clock = clock;
    }

    /** One pass over every table. */
    public Mono<Void> sweep() {
        var now = clock.instant();
        return Mono.when(
                        outbox.deletePublishedBefore(now.minus(outboxProperties.retention())),
                        processed.deleteHandledBefore(now.minus(processedRetention)),
                        idempotency.deleteExpired());
    }
}
