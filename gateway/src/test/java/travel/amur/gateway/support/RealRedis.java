package travel.amur.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import travel.amur.common.testing.Docker;

/** Redis in a container where Docker runs; otherwise the local server at spring.data.redis.* (127.0.0.1:6379). */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(Docker.Available.class)
public class RealRedis {

    private static GenericContainer<?> shared;

    @Bean
    @ServiceConnection(name = "redis")
    GenericContainer<?> redis() {
        return container();
    }

    /** A started connection to real Redis for tests that assemble their own parts: a container's or the local one. */
    public static LettuceConnectionFactory connect() {
        RedisStandaloneConfiguration where = new RedisStandaloneConfiguration("127.0.0.1", 6379);
        if (Docker.available()) {
            GenericContainer<?> redis = sharedContainer();
            where = new RedisStandaloneConfiguration(redis.getHost(), redis.getMappedPort(6379));
        }
        return started(new LettuceConnectionFactory(where));
    }

    /** A connection to a port nothing listens on, as when Redis is down. */
    public static LettuceConnectionFactory unreachable(int port) {
        return started(new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port)));
    }

    private static LettuceConnectionFactory started(LettuceConnectionFactory factory) {
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static GenericContainer<?> container() {
        return new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
    }

    private static synchronized GenericContainer<?> sharedContainer() {
        if (shared == null) {
            shared = container();
            shared.start();
        }
        return shared;
    }
}
