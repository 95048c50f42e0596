package travel.amur.common.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Starts a listener again when the broker fenced one of its consumers. With static membership a broker restart can
 * register a consumer's rejoin twice; the consumer left with the older member id is then fenced, and spring-kafka
 * takes that as fatal and stops the whole listener for good: the service went on running, ready, but read none of
 * that listener's partitions again, so every booking waiting on them timed out (a fault drill's Kafka restart, 178
 * of 440 bookings). Starting it again takes the memberships back.
 */
public final class FencedConsumerRestarts implements ApplicationListener<ApplicationEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FencedConsumerRestarts.class);

    private final Duration pause;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fenced-consumer-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    public FencedConsumerRestarts(Duration pause) {
        this.pause = pause;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ContextClosedEvent) {
            closing = true;
        } else if (event instanceof ConsumerStoppedEvent stopped
                && stopped.getReason() == ConsumerStoppedEvent.Reason.FENCED) {
            MessageListenerContainer consumer = stopped.getSource(MessageListenerContainer.class);
            log.warn("{}: its consumer was fenced by the broker; starting it again in {}", consumer.getListenerId(),
                    pause);
            // Not on the consumer's own thread, which publishes this event while it is still winding down.
            schedule(consumer, stopped.getContainer(MessageListenerContainer.class));
        }
    }

    private void schedule(MessageListenerContainer consumer, MessageListenerContainer listener) {
        restarts.schedule(() -> restart(consumer, listener), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(MessageListenerContainer consumer, MessageListenerContainer listener) {
        if (closing) {
            return;
        }
        try {
            if (!listener.isRunning()) {
                if (stillStopping(listener)) {
                    schedule(consumer, listener);
                    return;
                }
                listener.start();
                log.info("{}: listener started again after a consumer was fenced", listener.getListenerId());
            } else if (consumer != listener && !consumer.isRunning() && stillOneOf(listener, consumer)) {
                // The listener kept its other consumers: only this one ended.
                consumer.start();
                log.info("{}: consumer started again after it was fenced", consumer.getListenerId());
            }
        } catch (RuntimeException e) {
            log.warn("{}: not started again ({}); trying again in {}", listener.getListenerId(), e.toString(), pause);
            schedule(consumer, listener);
        }
    }

    /** Whether some of a stopped listener's consumers are still winding down: a start now would race them. */
    private static boolean stillStopping(MessageListenerContainer listener) {
        return listener instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                && concurrent.getContainers().stream().anyMatch(MessageListenerContainer::isRunning);
    }

    /** A consumer replaced since (the listener was started again) must not be started beside its successor. */
    private static boolean stillOneOf(MessageListenerContainer listener, MessageListenerContainer consumer) {
        return !(listener instanceof ConcurrentMessageListenerContainer<?, ?> concurrent)
                || concurrent.getContainers().contains(consumer);
    }

    @Override
    public void destroy() {
        restarts.shutdownNow();
    }
}
