package travel.amur.flight.hold.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.flight.hold.application.ChangingHolds;
import travel.amur.flight.hold.application.HoldPolicy;

/** Releases holds past their time, every {@code amur.flight.holds.expiry-interval}, in every instance. */
@Component
class HoldExpiryJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);
    private static final int BATCH = 200;

    private final ChangingHolds changing;
    private final HoldPolicy policy;
    private volatile Disposable running;

    HoldExpiryJob(ChangingHolds changing, HoldPolicy policy) {
        this.changing = changing;
        this.policy = policy;
    }

    /** Expires every due hold, batch after batch. */
    Mono<Integer> expireAllDue() {
        return Mono.defer(() -> changing.expireDue(BATCH)).repeat()
                .takeUntil(expired -> expired < BATCH)
                .reduce(0, Integer::sum);
    }

    @Override
    public void start() {
        running = Flux.interval(policy.expiryInterval())
                .onBackpressureDrop()
                .concatMap(tick -> expireAllDue()
                        .doOnNext(expired -> {
                            if (expired > 0) {
                                log.info("expired {} holds", expired);
                            }
                        })
                        .doOnError(e -> log.warn("hold expiry failed, will retry: {}", e.toString()))
                        .onErrorComplete(), 1)
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
