package travel.amur.common.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real KRaft broker inside the test JVM, started on first use and stopped at exit. */
public final class InJvmKafka {

    private static EmbeddedKafkaKraftBroker broker;
    private static final List<Runnable> BEFORE_SHUTDOWN = new CopyOnWriteArrayList<>();

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
                    Map.entry("group.initial.rebalance.delay.ms", "0")));
            started.afterPropertiesSet();
            // Shutdown hooks run at once; consumers closed after the broker would wait for it until their timeout.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                BEFORE_SHUTDOWN.forEach(Runnable::run);
                started.destroy();
            }));
            broker = started;
        }
        return broker.getBrokersAsString();
    }

    /** Runs {@code closing} when the JVM exits, before the broker stops (an application using it, say). */
    public static void beforeShutdown(Runnable closing) {
        BEFORE_SHUTDOWN.add(closing);
    }
}
