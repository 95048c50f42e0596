package travel.amur.common.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.TopicDeclarations;
import travel.amur.common.health.KafkaHealthIndicator;
import travel.amur.common.inbox.DeadLetters;
import travel.amur.common.inbox.FencedConsumerRestarts;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.ProcessedMessages;
import travel.amur.common.outbox.OutboxProperties;
import travel.amur.common.outbox.OutboxRelay;
import travel.amur.common.outbox.OutboxSender;
import travel.amur.common.outbox.OutboxStore;
import travel.amur.common.postgres.PgNotifications;

/**
 * The Kafka side of the plumbing: the outbox relay, the idempotent consumer, dead letters, fenced consumers started
 * again, and Kafka's health.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, AmurPersistenceAutoConfiguration.class})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaTemplate.class)
public class AmurMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<?, ?> kafka, ObjectProvider<MeterRegistry> meters) {
        return DeadLetters.errorHandler(kafka, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Static group membership ({@code amur.kafka.instance-id}, one stable name per instance, such as run.sh's
     * flight-service-2): an instance that restarts takes its partitions back at once instead of waiting for the
     * group to notice its old self is gone. Unset (dynamic membership) where instances have no stable name.
     */
    @Bean
    @ConditionalOnProperty("amur.kafka.instance-id")
    DefaultKafkaConsumerFactoryCustomizer staticGroupMembership(Environment environment) {
        String instance = environment.getRequiredProperty("amur.kafka.instance-id");
        // Each listener thread appends its own suffix (-0, -1, ...), so every consumer has a name of its own.
        return factory -> factory.updateConfigs(Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance));
    }

    @Bean
    FencedConsumerRestarts fencedConsumerRestarts(Environment environment) {
        return new FencedConsumerRestarts(environment.getProperty("amur.kafka.fenced-restart-pause", Duration.class,
                Duration.ofSeconds(2)));
    }

    @Bean
    TopicDeclarations topicDeclarations(Environment environment) {
        return new TopicDeclarations(environment.getProperty("amur.kafka.topics.partitions", Integer.class, 6),
                environment.getProperty("amur.kafka.topics.replicas", Short.class, (short) 1));
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin, Environment environment) {
        return new KafkaHealthIndicator(kafkaHealthAdmin,
                environment.getProperty("amur.kafka.health-timeout", Duration.class, Duration.ofSeconds(3)));
    }

    /** Needs the database too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DatabaseClient.class)
    static class Transactional {

        @Bean
        @SuppressWarnings("unchecked")
        OutboxSender outboxSender(KafkaTemplate<?, ?> kafka, OutboxProperties properties) {
            return new OutboxSender((KafkaTemplate<String, String>) kafka, properties.sendTimeout());
        }

        @Bean
        @ConditionalOnProperty(name = "amur.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
        OutboxRelay outboxRelay(OutboxStore store, OutboxSender sender, TransactionalOperator tx,
                PgNotifications notifications, OutboxProperties properties, Clock clock,
                ObjectProvider<MeterRegistry> meters) {
            return new OutboxRelay(store, sender, tx, notifications, properties, clock,
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        IdempotentConsumer idempotentConsumer(EventCodec codec, ProcessedMessages processed, TransactionalOperator tx,
                Clock clock, ObjectProvider<MeterRegistry> meters, Environment environment) {
            return new IdempotentConsumer(codec, processed, tx, clock, meters.getIfAvailable(SimpleMeterRegistry::new),
                    environment.getProperty("amur.inbox.handling-timeout", Duration.class, Duration.ofSeconds(30)));
        }
    }
}
