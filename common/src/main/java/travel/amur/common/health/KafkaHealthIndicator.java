package travel.amur.common.health;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Kafka is up when the cluster answers a metadata request in time; readiness includes it.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private final Admin admin;
    private final Duration timeout;

    public KafkaHealthIndicator(Admin admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        return Mono.zip(
                        Mono.fromCompletionStage(cluster.clusterId().toCompletionStage()),
                        Mono.fromCompletionStage(cluster.nodes().toCompletionStage()))
                .timeout(timeout.plusMillis(500))
                .map(found -> builder.up().withDetail("clusterId", found.getT1())
                        .withDetail("brokers", found.getT2().size()).build());
    }
}
