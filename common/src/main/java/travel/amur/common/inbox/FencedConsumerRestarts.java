package travel.amur.common.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Starts a listener's consumer again when the broker fenced it. With static membership a broker restart can register a
 * consumer's rejoin twice; the consumer left with the older member id is then fenced, and spring-kafka stops it for
 * good: the service went on running but no longer read that consumer's partitions, so every booking waiting on them
 * timed out (a fault drill's Kafka restart, 178 of 440 bookings). Starting it again takes its membership back.
 */
public final class FencedConsumerRestarts implements ApplicationListener<ConsumerStoppedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FencedConsumerRestarts.class);

    private final Duration pause;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fenced-consumer-restarts");
        thread.setDaemon(true);
        return thread;
    });

    public FencedConsumerRestarts(Duration pause) {
        this.pause = pause;
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.FENCED) {
            return;
        }
        MessageListenerContainer stopped = event.getSource(MessageListenerContainer.class);
        MessageListenerContainer listener = event.getContainer(MessageListenerContainer.class);
        log.warn("{}: its consumer was fenced by the broker; starting it again in {}", stopped.getListenerId(), pause);
        // Not on the consumer's own thread, which publishes this event while it is still winding down.
        schedule(stopped, listener);
    }

    private void schedule(MessageListenerContainer stopped, MessageListenerContainer listener) {
        restarts.schedule(() -> restart(stopped, listener), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(MessageListenerContainer stopped, MessageListenerContainer listener) {
        if (!listener.isRunning()) {
            return; // the listener is being stopped on purpose (shutdown)
        }
        try {
            if (stopped.isRunning()) {
                stopped.stop();
            }
            stopped.start();
            log.info("{}: consumer started again after it was fenced", stopped.getListenerId());
        } catch (RuntimeException e) {
            log.warn("{}: consumer not started again ({}); trying again in {}", stopped.getListenerId(), e.toString(),
                    pause);
            schedule(stopped, listener);
        }
    }

    @Override
    public void destroy() {
        restarts.shutdownNow();
    }
}
