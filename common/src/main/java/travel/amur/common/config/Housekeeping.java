package travel.amur.common.config;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.inbox.ProcessedMessages;
import travel.amur.common.outbox.OutboxProperties;
import travel.amur.common.outbox.OutboxStore;
import travel.amur.common.web.IdempotentRequests;

/**
 * Deletes what the plumbing no longer needs: published outbox events past their retention, expired idempotency keys,
 * and handled message ids older than any redelivery Kafka could still make.
 */
public class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final OutboxStore outbox;
    private final ProcessedMessages processed;
    private final IdempotentRequests idempotency;
    private final OutboxProperties outboxProperties;
    private final Duration processedRetention;
    private final Duration interval;
    private final Clock clock;
    private volatile Disposable running;

    public Housekeeping(OutboxStore outbox, ProcessedMessages processed, IdempotentRequests idempotency,
            OutboxProperties outboxProperties, Duration processedRetention, Duration interval, Clock clock) {
        this.outbox = outbox;
        this.processed = processed;
        this.idempotency = idempotency;
        this.outboxProperties = outboxProperties;
        this.processedRetention = processedRetention;
        this.interval = interval;
        this.clock = clock;
    }

    /** One pass over every table. */
    public Mono<Void> sweep() {
        var now = clock.instant();
        return Mono.when(
                        outbox.deletePublishedBefore(now.minus(outboxProperties.retention())),
                        processed.deleteHandledBefore(now.minus(processedRetention)),
                        idempotency.deleteExpired())
                .doOnError(e -> log.warn("housekeeping failed, will retry: {}", e.toString()))
                .onErrorComplete();
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ofMinutes(1), interval)
                .onBackpressureDrop()
                .concatMap(tick -> sweep(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        if (running != null) {
            running.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
