package travel.amur.deploy.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What the platform's own books say after the drill: every flight's inventory against its holds, every outbox, every
 * dead-letter topic. Read straight from PostgreSQL and Kafka, not through the API.
 */
final class Ledger {

    private static final List<String> DATABASES = List.of("amur_flight", "amur_visa", "amur_itinerary");
    private static final List<String> DEAD_LETTER_TOPICS = List.of("amur.flight.commands.dlt", "amur.flight.events.dlt",
            "amur.visa.commands.dlt", "amur.visa.events.dlt", "amur.itinerary.events.dlt");

    private final String pgHost;
    private final int pgPort;
    private final String kafka;

    Ledger(String pgHost, int pgPort, String kafka) {
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.kafka = kafka;
    }

    /** Flights whose inventory does not count exactly their HELD and CONFIRMED holds: oversold or leaking seats. */
    List<String> inventoryMismatches() {
        return query("amur_flight", """
                SELECT i.flight_id, i.held, i.sold,
                       (SELECT coalesce(sum(h.seats), 0) FROM seat_hold h
                         WHERE h.flight_id = i.flight_id AND h.cabin = i.cabin AND h.status = 'HELD') AS holds,
                       (SELECT coalesce(sum(h.seats), 0) FROM seat_hold h
                         WHERE h.flight_id = i.flight_id AND h.cabin = i.cabin AND h.status = 'CONFIRMED') AS sales
                  FROM seat_inventory i
                """, row -> row.getLong("held") == row.getLong("holds") && row.getLong("sold") == row.getLong("sales")
                        ? null
                        : row.getString("flight_id") + ": inventory held " + row.getLong("held") + " sold "
                                + row.getLong("sold") + ", holds say held " + row.getLong("holds") + " sold "
                                + row.getLong("sales"));
    }

    /** Events still waiting in each service's outbox, by database. */
    Map<String, Long> unpublished() {
        return DATABASES.stream().collect(Collectors.toMap(db -> db, db -> query(db,
                "SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL", row -> row.getLong("n")).get(0)));
    }

    /** Waits until every outbox is empty, for at most {@code within}; emits what is left. */
    Map<String, Long> drained(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Long> left = unpublished();
        while (left.values().stream().anyMatch(n -> n > 0) && System.nanoTime() < deadline) {
            sleep(1000);
            left = unpublished();
        }
        return left;
    }

    /** Sagas that have not ended, among those the drill started. */
    long sagasStillRunning(List<String> itineraries) {
        if (itineraries.isEmpty()) {
            return 0;
        }
        String ids = itineraries.stream().map(id -> "'" + id.replaceAll("[^0-9a-f-]", "") + "'")
                .collect(Collectors.joining(","));
        return query("amur_itinerary", "SELECT count(*) AS n FROM booking_saga WHERE ended_at IS NULL AND "
                + "itinerary_id IN (" + ids + ")", row -> row.getLong("n")).get(0);
    }

    /** Messages in all dead-letter topics together (the sum of their end offsets). */
    long deadLetters() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> topics = DEAD_LETTER_TOPICS.stream().filter(existing::contains).toList();
            if (topics.isEmpty()) {
                return 0;
            }
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition ->
                    ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics: " + e, e);
        }
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String database, String sql, Row<T> mapping) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database, "amur", "amur");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    T value = mapping.read(rows);
                    if (value != null) {
                        found.add(value);
                    }
                }
                return found;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot query " + database + ": " + e.getMessage(), e);
                }
                sleep(1000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
