package travel.amur.common.testing;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every message on some topics from their beginning, in a thread of its own, so scenario tests can stimulate a
 * service and wait for the event it publishes.
 */
public final class TopicRecorder implements AutoCloseable {

    /** A recorded message: its key, its CloudEvents type and the envelope as JSON. */
    public record Message(String topic, String key, String type, JsonNode envelope) {

        public JsonNode data() {
            return envelope.get("data");
        }

        public String dataText(String field) {
            JsonNode value = data().get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topics));
        poller = new Thread(this::poll, "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    JsonNode envelope = parse(record.value());
                    String type = envelope != null && envelope.has("type") ? envelope.get("type").asString() : null;
                    messages.add(new Message(record.topic(), record.key(), type, envelope));
                });
            }
        } catch (WakeupException stopping) {
            // close() woke the poller up.
        } finally {
            consumer.close();
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> matching(Predicate<Message> predicate) {
        return messages.stream().filter(predicate).toList();
    }

    /** Waits until a message matches, and returns the first that does. */
    public Message await(Predicate<Message> predicate, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> messages.stream().anyMatch(predicate));
        return messages.stream().filter(predicate).findFirst().orElseThrow();
    }

    public static Predicate<Message> ofType(String typeName) {
        return message -> message.type() != null && message.type().contains("." + typeName + ".");
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
