package travel.amur.common.plumbing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.r2dbc.core.DatabaseClient;

/** What the tests read back: effect rows, outbox rows, records on a topic. */
final class Effects {

    private final DatabaseClient db;

    Effects(DatabaseClient db) {
        this.db = db;
    }

    long count(String note) {
        return db.sql("SELECT count(*) AS n FROM test_effect WHERE note = :note").bind("note", note)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    List<Integer> sequencesInHandlingOrder(String key) {
        return db.sql("SELECT sequence FROM test_effect WHERE key = :key ORDER BY id").bind("key", key)
                .map(row -> row.get("sequence", Integer.class)).all().collectList().block();
    }

    long outboxRows(String note, boolean published) {
        return db.sql("SELECT count(*) AS n FROM outbox_event WHERE envelope->'data'->>'note' = :note AND "
                        + (published ? "published_at IS NOT NULL" : "published_at IS NULL"))
                .bind("note", note).map(row -> row.get("n", Long.class)).one().block();
    }

    static KafkaConsumer<String, String> consumer(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }
}
