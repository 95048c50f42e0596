package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.common.outbox.OutboxProperties;
import travel.amur.common.outbox.OutboxRelay;
import travel.amur.common.outbox.OutboxSender;
import travel.amur.common.outbox.OutboxStore;
import travel.amur.common.outbox.PendingEvent;
import travel.amur.common.postgres.PgNotifications;

@PlumbingTest
@TestPropertySource(properties = "amur.outbox.relay-enabled=false")
class RelayCrashTest {

    @Autowired PlumbingTestApplication.Happenings happenings;
    @Autowired DatabaseClient db;
    @Autowired OutboxSender sender;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired TransactionalOperator tx;
    @Autowired PgNotifications notifications;
    @Autowired OutboxProperties properties;
    @Autowired MeterRegistry meters;

    @Test
    void a_relay_killed_between_the_kafka_send_and_the_mark_loses_nothing_and_the_consumer_drops_the_duplicate() {
        String note = "crash-" + UUID.randomUUID();
        Effects effects = new Effects(db);
        happenings.happen(new TestHappened(note, 1, note)).block();
        double duplicatesBefore = duplicates();

        OutboxSender diesAfterSending = new OutboxSender(kafka, Duration.ofSeconds(10)) {
            @Override
            public Mono<Void> send(List<PendingEvent> events) {
                return super.send(events).then(Mono.error(
                        new IllegalStateException("relay killed after the send, before the mark committed")));
            }
        };
        assertThatThrownBy(() -> new OutboxRelay(new OutboxStore(db), diesAfterSending, tx, notifications, properties,
                Clock.systemUTC(), meters).relayOnce().block())
                .hasMessageContaining("relay killed");

        // The send reached Kafka and was handled, yet the outbox still holds the event as unpublished.
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.count(note) == 1);
        assertThat(effects.outboxRows(note, false)).isEqualTo(1);

        // A restarted relay publishes it again; the consumer recognises the message id and does nothing.
        relay().drain().block();
        assertThat(effects.outboxRows(note, true)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(effects.count(note)).isEqualTo(1);
    }

    @Test
    void one_round_publishes_all_pending_events_of_an_aggregate_in_order() {
        String key = "round-" + UUID.randomUUID();
        for (int sequence = 1; sequence <= 3; sequence++) {
            happenings.happen(new TestHappened(key, sequence, key + "#" + sequence)).block();
        }

        Integer published = relay().relayOnce().block();

        assertThat(published).isGreaterThanOrEqualTo(3);
        Effects effects = new Effects(db);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.sequencesInHandlingOrder(key).size() == 3);
        assertThat(effects.sequencesInHandlingOrder(key)).containsExactly(1, 2, 3);
    }

    private OutboxRelay relay() {
        return new OutboxRelay(new OutboxStore(db), sender, tx, notifications, properties, Clock.systemUTC(), meters);
    }

    private double duplicates() {
        Counter counter = meters.find("amur.messages.consumed").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }
}
