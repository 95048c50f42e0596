package travel.amur.common.event;

import java.util.Arrays;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics a service writes to and the dead-letter topics of those it reads, with the partition and replica
 * counts of {@code amur.kafka.topics.*}. Where topics are managed outside (Strimzi), existing ones are left as they are.
 */
public class TopicDeclarations {

    private final int partitions;
    private final short replicas;

    public TopicDeclarations(int partitions, short replicas) {
        this.partitions = partitions;
        this.replicas = replicas;
    }

    public KafkaAdmin.NewTopics declare(String... topics) {
        return new KafkaAdmin.NewTopics(Arrays.stream(topics)
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
