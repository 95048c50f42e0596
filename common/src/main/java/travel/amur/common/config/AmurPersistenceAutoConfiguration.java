package travel.amur.common.config;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.event.EventCodec;
import travel.amur.common.inbox.ProcessedMessages;
import travel.amur.common.outbox.Outbox;
import travel.amur.common.outbox.OutboxProperties;
import travel.amur.common.outbox.OutboxStore;
import travel.amur.common.postgres.PgNotifications;
import travel.amur.common.postgres.R2dbcDerivedJdbcConnectionDetails;
import travel.amur.common.web.IdempotencyProperties;
import travel.amur.common.web.IdempotentRequests;

/**
 * The database side of the plumbing: outbox, processed message ids, idempotency keys, LISTEN, housekeeping, and
 * Flyway pointed at the R2DBC database.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, DataR2dbcAutoConfiguration.class,
        TransactionAutoConfiguration.class, AmurCoreAutoConfiguration.class},
        beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({ConnectionFactory.class, DatabaseClient.class})
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties({OutboxProperties.class, IdempotencyProperties.class})
public class AmurPersistenceAutoConfiguration {

    @Bean
    PgNotifications pgNotifications(ConnectionFactory connectionFactory) {
        return new PgNotifications(connectionFactory);
    }

    @Bean
    OutboxStore outboxStore(DatabaseClient db) {
        return new OutboxStore(db);
    }

    @Bean
    Outbox outbox(OutboxStore store, EventCodec codec) {
        return new Outbox(store, codec);
    }

    @Bean
    ProcessedMessages processedMessages(DatabaseClient db) {
        return new ProcessedMessages(db);
    }

    @Bean
    IdempotentRequests idempotentRequests(DatabaseClient db, TransactionalOperator tx, JsonMapper json, Clock clock,
            IdempotencyProperties properties) {
        return new IdempotentRequests(db, tx, json, clock, properties);
    }

    @Bean
    Housekeeping housekeeping(OutboxStore outbox, ProcessedMessages processed, IdempotentRequests idempotency,
            OutboxProperties outboxProperties, Environment environment, Clock clock) {
        return new Housekeeping(outbox, processed, idempotency, outboxProperties,
                environment.getProperty("amur.inbox.retention", Duration.class, Duration.ofDays(30)), clock);
    }

    @Bean
    RepeatingTask housekeepingEveryInterval(Housekeeping housekeeping, Environment environment) {
        return new RepeatingTask("housekeeping", Duration.ofMinutes(1),
                environment.getProperty("amur.housekeeping.interval", Duration.class, Duration.ofHours(1)),
                housekeeping::sweep);
    }

    /** Flyway migrates the database R2DBC uses unless {@code spring.flyway.url} says otherwise. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    static class FlywayFollowsR2dbc {

        @Bean
        @ConditionalOnMissingBean(FlywayConnectionDetails.class)
        @ConditionalOnExpression("'${spring.flyway.url:}'.isEmpty()")
        R2dbcDerivedJdbcConnectionDetails r2dbcDerivedJdbcConnectionDetails(R2dbcConnectionDetails r2dbc) {
            return new R2dbcDerivedJdbcConnectionDetails(r2dbc);
        }
    }
}
