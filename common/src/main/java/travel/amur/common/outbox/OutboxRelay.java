package travel.amur.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import travel.amur.common.postgres.PgNotifications;

/**
 * Publishes stored events to Kafka in order per key, marking them published in a database transaction that commits
 * only once Kafka has acknowledged them: a crash before the commit publishes them again (consumers drop the
 * duplicates), never loses them. Woken by
 * {@code NOTIFY} on every insert; polls only as a fallback. Replicas share the work through {@code SKIP LOCKED}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxSender sender;
    private final TransactionalOperator tx;
    private final PgNotifications notifications;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter published;
    private final Timer lag;
    private final Timer rounds;
    private volatile Disposable running;
    private volatile Sinks.Empty<Void> stopping;
    private volatile Sinks.Empty<Void> stopped;

    public OutboxRelay(OutboxStore store, OutboxSender sender, TransactionalOperator tx, PgNotifications notifications,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.sender = sender;
        this.tx = tx;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("amur.outbox.published").description("Events the relay published to Kafka")
                .register(meters);
        this.lag = Timer.builder("amur.outbox.lag").description("Time from storing an event to Kafka's acknowledgement")
                .publishPercentileHistogram().register(meters);
        this.rounds = Timer.builder("amur.outbox.round").description("One relay round: claim, send, mark, commit")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * One round: takes a batch marked published, sends it, and commits once Kafka has acknowledged it. Emits how many
     * events it published.
     */
    public Mono<Integer> relayOnce() {
        return Mono.defer(() -> {
            Timer.Sample round = Timer.start();
            return tx.transactional(store.claim(properties.batchSize(), clock.instant())
                            .flatMap(batch -> batch.isEmpty() ? Mono.just(batch) : sender.send(batch).thenReturn(batch)))
                    .doOnNext(batch -> {
                        if (!batch.isEmpty()) {
                            round.stop(rounds);
                            record(batch);
                        }
                    })
                    .map(List::size);
        });
    }

    /** Rounds until the outbox holds nothing publishable. */
    public Mono<Void> drain() {
        return Mono.defer(this::relayOnce).repeat()
                .takeUntil(count -> count < properties.batchSize())
                .then();
    }

    @Override
    public void start() {
        Flux<Object> wakeUps = Flux.merge(
                notifications.listen(OutboxProperties.CHANNEL),
                Flux.interval(properties.pollInterval()));
        Sinks.Empty<Void> stop = Sinks.empty();
        Sinks.Empty<Void> stopped = Sinks.empty();
        stopping = stop;
        this.stopped = stopped;
        running = wakeUps
                .takeUntilOther(stop.asMono())
                .onBackpressureLatest()
                .concatMap(wakeUp -> drainLogged(), 1)
                // On shutdown, after the web server and the listeners have finished their work: one last round, so
                // the events of the last requests leave now instead of at the next start.
                .then(Mono.defer(this::drainLogged))
                .doFinally(signal -> stopped.tryEmitEmpty())
                .subscribe();
        log.info("outbox relay started (fallback poll every {})", properties.pollInterval());
    }

    private Mono<Void> drainLogged() {
        return drain().onErrorResume(e -> {
            log.warn("outbox relay round failed, will retry: {}", e.toString());
            return Mono.empty();
        });
    }

    private void record(List<PendingEvent> batch) {
        published.increment(batch.size());
        var now = clock.instant();
        batch.forEach(event -> lag.record(Duration.between(event.createdAt(), now)));
    }

    /** Lets the round under way finish, runs a last one, and only then reports stopped (bounded by the send time). */
    @Override
    public void stop(Runnable callback) {
        Sinks.Empty<Void> stop = stopping;
        Sinks.Empty<Void> done = stopped;
        if (stop == null || done == null) {
            callback.run();
            return;
        }
        stop.tryEmitEmpty();
        done.asMono()
                .timeout(properties.sendTimeout().plusSeconds(5))
                .doFinally(signal -> {
                    Disposable current = running;
                    if (current != null) {
                        current.dispose();
                    }
                    running = null;
                    stopping = null;
                    stopped = null;
                    callback.run();
                })
                .subscribe(ignored -> { }, e -> log.warn("outbox relay did not finish its last round: {}", e.toString()));
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }

    @Override
    public int getPhase() {
        // Stop after the Kafka listeners (MAX_VALUE - 100) and the web server's graceful shutdown (MAX_VALUE - 1024,
        // MAX_VALUE - 2048): what their last work wrote to the outbox is still published.
        return Integer.MAX_VALUE - 4096;
    }
}
