package travel.amur.common.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real KRaft broker inside the test JVM, started on first use and stopped at exit. */
public final class InJvmKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private InJvmKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
            started.brokerProperties(Map.ofEntries(
                    Map.entry("auto.create.topics.enable", "true"),
                    Map.entry("num.partitions", "3"),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "5"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    // As deploy/local/kafka.properties: KIP-848 groups, a dead member's partitions move on in 10 s.
                    Map.entry("group.consumer.session.timeout.ms", "10000"),
                    Map.entry("group.consumer.min.session.timeout.ms", "6000"),
                    Map.entry("group.consumer.heartbeat.interval.ms", "1000"),
                    Map.entry("group.consumer.min.heartbeat.interval.ms", "1000")));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
