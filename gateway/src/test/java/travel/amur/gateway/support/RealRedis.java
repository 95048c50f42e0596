package travel.amur.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import travel.amur.common.testing.Docker;

/** Redis in a container where Docker runs; otherwise the local server at spring.data.redis.* (127.0.0.1:6379). */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(Docker.Available.class)
public class RealRedis {

    @Bean
    @ServiceConnection(name = "redis")
    GenericContainer<?> redis() {
        return new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
    }
}
