package travel.amur.common.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Without Docker: points the context at a new database on the local PostgreSQL (or embedded) server and at the JVM's
 * Kafka broker. Each application context gets a database of its own, so tests never see another context's rows.
 */
public class LocalInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static {
        NonBlockingThreads.guard();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Docker.available()) {
            return;
        }
        String service = context.getEnvironment().getProperty("spring.application.name", "amur");
        TestDatabases.Database database = TestDatabases.create(service);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("amurLocalInfrastructure", Map.of(
                "spring.r2dbc.url", database.r2dbcUrl(),
                "spring.r2dbc.username", database.user(),
                "spring.r2dbc.password", database.password(),
                "spring.kafka.bootstrap-servers", InJvmKafka.bootstrapServers())));
    }
}
