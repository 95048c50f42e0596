package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;

/** A consumer the broker fenced (static membership taken over after a broker restart) reads its partitions again. */
@PlumbingTest
class FencedConsumerRestartTest {

    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlumbingTestApplication.Happenings happenings;
    @Autowired DatabaseClient db;

    @Test
    void a_fenced_consumer_is_started_again_while_its_listener_runs() {
        ConcurrentMessageListenerContainer<?, ?> listener = testEventsListener();
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.getContainers().stream()
                .allMatch(MessageListenerContainer::isRunning));
        MessageListenerContainer fenced = listener.getContainers().get(0);

        // What spring-kafka does on a FencedInstanceIdException: the consumer ends, and says why.
        fenced.stop();
        assertThat(fenced.isRunning()).isFalse();
        events.publishEvent(new ConsumerStoppedEvent(fenced, listener, ConsumerStoppedEvent.Reason.FENCED));

        await().atMost(Duration.ofSeconds(30)).until(fenced::isRunning);
        String note = "after-fence-" + UUID.randomUUID();
        happenings.happen(new TestHappened("k-" + note, 1, note)).block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> new Effects(db).count(note) == 1);
    }

    @Test
    void a_listener_stopped_because_a_consumer_was_fenced_is_started_again() {
        ConcurrentMessageListenerContainer<?, ?> listener = testEventsListener();
        await().atMost(Duration.ofSeconds(30)).until(listener::isRunning);
        MessageListenerContainer fenced = listener.getContainers().get(0);

        // spring-kafka stops the whole listener after a consumer's fatal FencedInstanceIdException.
        listener.stop();
        events.publishEvent(new ConsumerStoppedEvent(fenced, listener, ConsumerStoppedEvent.Reason.FENCED));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.isRunning() && !listener.getContainers().isEmpty()
                && listener.getContainers().stream().allMatch(MessageListenerContainer::isRunning));
        assertThat(listener.getContainers().contains(fenced))
                .as("the old consumer is not started beside its successors").isFalse();
        assertThat(fenced.isRunning()).isFalse();
        String note = "after-listener-fence-" + UUID.randomUUID();
        happenings.happen(new TestHappened("k-" + note, 1, note)).block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> new Effects(db).count(note) == 1);
    }

    @Test
    void a_consumer_stopped_for_another_reason_stays_stopped() {
        ConcurrentMessageListenerContainer<?, ?> listener = testEventsListener();
        MessageListenerContainer stopped = listener.getContainers().get(0);
        stopped.stop();

        events.publishEvent(new ConsumerStoppedEvent(stopped, listener, ConsumerStoppedEvent.Reason.NORMAL));

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !stopped.isRunning());
        stopped.start();
    }

    private ConcurrentMessageListenerContainer<?, ?> testEventsListener() {
        return listeners.getAllListenerContainers().stream()
                .filter(container -> Arrays.asList(container.getContainerProperties().getTopics())
                        .contains(PlumbingTestApplication.TOPIC))
                .map(container -> (ConcurrentMessageListenerContainer<?, ?>) container)
                .findFirst().orElseThrow();
    }
}
