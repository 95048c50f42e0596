package travel.amur.common.config;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a reactive task on a fixed interval while the application runs, in every instance: one run at a time (a tick
 * that finds the last run still going is dropped), and a failed run is logged and left to the next tick. On shutdown
 * the run under way finishes (within the shutdown phase's time) rather than being cut off mid-transaction.
 */
public final class RepeatingTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private final Supplier<? extends Mono<?>> task;
    private volatile Disposable running;
    private volatile Sinks.Empty<Void> stopping;
    private volatile Sinks.Empty<Void> stopped;

    public RepeatingTask(String name, Duration firstDelay, Duration interval, Supplier<? extends Mono<?>> task) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public void start() {
        Sinks.Empty<Void> stop = Sinks.empty();
        Sinks.Empty<Void> done = Sinks.empty();
        stopping = stop;
        stopped = done;
        running = Flux.interval(firstDelay, interval)
                .takeUntilOther(stop.asMono())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(task)
                        .doOnError(e -> log.warn("{} failed, will retry: {}", name, e.toString()))
                        .onErrorComplete(), 1)
                .doFinally(signal -> done.tryEmitEmpty())
                .subscribe();
    }

    @Override
    public void stop(Runnable callback) {
        Sinks.Empty<Void> stop = stopping;
        Sinks.Empty<Void> done = stopped;
        if (stop == null || done == null) {
            callback.run();
            return;
        }
        stop.tryEmitEmpty();
        done.asMono().doFinally(signal -> {
            running = null;
            callback.run();
        }).subscribe();
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
