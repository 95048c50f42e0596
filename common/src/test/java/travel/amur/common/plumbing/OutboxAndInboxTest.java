package travel.amur.common.plumbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.Topics;
import travel.amur.common.event.EventEnvelope;
import travel.amur.common.inbox.DeadLetters;
import travel.amur.common.outbox.OutboxProperties;
import travel.amur.common.outbox.OutboxRelay;
import travel.amur.common.outbox.OutboxSender;
import travel.amur.common.outbox.OutboxStore;
import travel.amur.common.postgres.PgNotifications;

@PlumbingTest
class OutboxAndInboxTest {

    @Autowired PlumbingTestApplication.Happenings happenings;
    @Autowired DatabaseClient db;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventCodec codec;
    @Autowired MeterRegistry meters;
    @Autowired OutboxStore store;
    @Autowired OutboxSender sender;
    @Autowired TransactionalOperator tx;
    @Autowired PgNotifications notifications;
    @Autowired OutboxProperties properties;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    Effects effects;

    @BeforeEach
    void setUp() {
        effects = new Effects(db);
    }

    @Test
    void a_committed_event_is_published_and_handled_without_waiting_for_a_poll() {
        String note = "committed-" + UUID.randomUUID();

        happenings.happen(new TestHappened("k-" + note, 1, note)).block();

        // The fallback poll runs once an hour in this test: only NOTIFY can have woken the relay.
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.count(note) == 1);
        assertThat(effects.outboxRows(note, true)).isEqualTo(1);
    }

    @Test
    void an_event_written_in_a_rolled_back_transaction_is_never_published() {
        String key = "rollback-" + UUID.randomUUID();
        String rolledBack = key + "-rolled-back";
        String committed = key + "-committed";

        happenings.happenThenFail(new TestHappened(key, 1, rolledBack)).onErrorComplete().block();
        happenings.happen(new TestHappened(key, 2, committed)).block();

        // Same key, so had the first been published it would have been handled before the second.
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.count(committed) == 1);
        assertThat(effects.count(rolledBack)).isZero();
        assertThat(effects.outboxRows(rolledBack, false) + effects.outboxRows(rolledBack, true)).isZero();
    }

    @Test
    void a_duplicate_delivery_has_no_second_effect() {
        String note = "duplicate-" + UUID.randomUUID();
        String message = codec.write(codec.wrap(new TestHappened(note, 1, note), note, Causation.startOf(note)));
        double duplicatesBefore = duplicates();

        kafka.send(PlumbingTestApplication.TOPIC, note, message).join();
        kafka.send(PlumbingTestApplication.TOPIC, note, message).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(effects.count(note)).isEqualTo(1);
    }

    @Test
    void an_event_the_cloudevents_sdk_sends_in_binary_mode_is_handled_once() throws Exception {
        String note = "binary-" + UUID.randomUUID();
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/partners/sdk-test")).withType("travel.amur.test.TestHappened.v1")
                .withSubject(note).withTime(OffsetDateTime.now()).withDataContentType("application/json")
                .withData(("{\"key\":\"" + note + "\",\"sequence\":1,\"note\":\"" + note + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .build();
        double duplicatesBefore = duplicates();
        try (KafkaProducer<String, CloudEvent> sdk = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY.name()))) {
            sdk.send(new ProducerRecord<>(PlumbingTestApplication.TOPIC, note, event)).get();
            sdk.send(new ProducerRecord<>(PlumbingTestApplication.TOPIC, note, event)).get();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(effects.count(note)).as("handled, and its redelivery recognised by its ce_id").isEqualTo(1);
    }

    @Test
    void a_type_the_consumer_has_no_handler_for_is_passed_over_unread_by_its_header() throws Exception {
        String type = "travel.amur.test.NobodyHandles.v1";
        double before = ignored(type);
        ProducerRecord<String, String> other = new ProducerRecord<>(PlumbingTestApplication.TOPIC, "k-other",
                "not even JSON: it would be a poison message if it were read");
        other.headers().add(EventEnvelope.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        kafka.send(other).get();

        await().atMost(Duration.ofSeconds(10)).until(() -> ignored(type) >= before + 1);
    }

    private double ignored(String type) {
        var counter = meters.find("amur.messages.consumed").tag("type", type).tag("outcome", "ignored").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_poison_message_lands_in_the_dead_letter_topic_and_later_messages_are_still_handled() {
        String key = "poison-" + UUID.randomUUID();
        String after = key + "-after";
        double deadLettersBefore = deadLetters();
        try (KafkaConsumer<String, String> deadLetterTopic = Effects.consumer(bootstrapServers,
                Topics.deadLetterOf(PlumbingTestApplication.TOPIC))) {

            kafka.send(PlumbingTestApplication.TOPIC, key, "{not json at all").join();
            kafka.send(PlumbingTestApplication.TOPIC, key,
                    codec.write(codec.wrap(new TestHappened(key, 2, after), key, Causation.startOf(key)))).join();

            await().atMost(Duration.ofSeconds(15)).until(() -> effects.count(after) == 1);
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Effects.poll(deadLetterTopic).stream().filter(r -> key.equals(r.key())).forEach(dead::add);
                return !dead.isEmpty();
            });
            ConsumerRecord<String, String> poison = dead.get(0);
            assertThat(poison.value()).isEqualTo("{not json at all");
            assertThat(new String(poison.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .contains("not a CloudEvents JSON envelope");
            assertThat(deadLetters()).isGreaterThanOrEqualTo(deadLettersBefore + 1);
        }
    }

    @Test
    void two_relays_sharing_the_outbox_keep_each_keys_events_in_order() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = IntStream.range(0, 5).mapToObj(i -> "order-" + run + "-" + i).toList();
        OutboxRelay secondReplica = new OutboxRelay(store, sender, tx, notifications, properties, Clock.systemUTC(),
                meters);

        Flux.range(1, 40)
                .concatMap(sequence -> Flux.fromIterable(keys)
                        .concatMap(key -> happenings.happen(new TestHappened(key, sequence, key + "#" + sequence))))
                .then()
                .block();
        // The context's relay is draining too; a third contender makes the race sharper.
        Mono.when(secondReplica.drain(), secondReplica.drain()).block();

        await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream()
                .allMatch(key -> effects.sequencesInHandlingOrder(key).size() == 40));
        for (String key : keys) {
            assertThat(effects.sequencesInHandlingOrder(key)).isSorted().doesNotHaveDuplicates();
        }
    }

    private double duplicates() {
        Counter counter = meters.find("amur.messages.consumed").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLetters() {
        Counter counter = meters.find("amur.messages.dead_lettered").tag("topic", PlumbingTestApplication.TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }
}
