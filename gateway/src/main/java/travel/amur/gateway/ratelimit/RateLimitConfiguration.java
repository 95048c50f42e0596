package travel.amur.gateway.ratelimit;

import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import travel.amur.gateway.GatewaySettings;

/** Redis buckets when {@code amur.gateway.rate-limit.store=redis} (shared by all replicas), memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** Connects to Redis while the gateway starts (only when the budgets live there), not on a Netty event loop. */
    @Bean
    static BeanPostProcessor connectToRedisAtStartUp(Environment environment) {
        boolean inRedis = "redis".equalsIgnoreCase(environment.getProperty("amur.gateway.rate-limit.store", "redis"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (inRedis && bean instanceof LettuceConnectionFactory lettuce) {
                    lettuce.setEagerInitialization(true);
                }
                return bean;
            }
        };
    }

    @Bean
    RateLimits rateLimits(GatewaySettings settings, ObjectProvider<ReactiveStringRedisTemplate> redis, Clock clock)
            throws IOException {
        GatewaySettings.RateLimit limits = settings.rateLimit();
        ReactiveStringRedisTemplate template = redis.getIfAvailable();
        if (limits.inRedis() && template != null) {
            log.info("rate limits in Redis, shared by every gateway replica (leases of up to {} tokens for {})",
                    limits.maxLease(), limits.leaseTime());
            return new LeasedRedisRateLimits(template, LeasedRedisRateLimits.script(), limits, System::nanoTime);
        }
        log.warn("rate limits in memory: each gateway replica keeps its own budget (set amur.gateway.rate-limit.store"
                + "=redis and spring.data.redis.* to share them)");
        return new InMemoryRateLimits(limits, clock);
    }
}
