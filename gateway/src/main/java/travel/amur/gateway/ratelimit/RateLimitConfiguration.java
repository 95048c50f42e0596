package travel.amur.gateway.ratelimit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import travel.amur.gateway.GatewaySettings;

/** Redis buckets when {@code amur.gateway.rate-limit.store=redis} (shared by all replicas), memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /**
     * Does the rate limiter's blocking set-up while the gateway starts, not on a Netty event loop at the first request:
     * connecting to Redis (only when the budgets live there) and reading its Lua script.
     */
    @Bean
    static BeanPostProcessor connectToRedisAtStartUp(Environment environment) {
        boolean inRedis = "redis".equalsIgnoreCase(environment.getProperty("amur.gateway.rate-limit.store", "redis"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (inRedis && bean instanceof LettuceConnectionFactory lettuce) {
                    lettuce.setEagerInitialization(true);
                }
                if (bean instanceof DefaultRedisScript<?> script) {
                    // The rate limiter's Lua script is a class path resource, read (and checked for changes) on
                    // use: read it once, now, and keep the text.
                    script.setScriptText(script.getScriptAsString());
                }
                return bean;
            }
        };
    }

    @Bean
    RateLimits rateLimits(GatewaySettings settings, ObjectProvider<RedisRateLimiter> redis, Clock clock) {
        GatewaySettings.RateLimit limits = settings.rateLimit();
        RedisRateLimiter limiter = redis.getIfAvailable();
        if (limits.inRedis() && limiter != null) {
            log.info("rate limits in Redis, shared by every gateway replica");
            return new RedisRateLimits(limiter, limits);
        }
        log.warn("rate limits in memory: each gateway replica keeps its own budget (set amur.gateway.rate-limit.store"
                + "=redis and spring.data.redis.* to share them)");
        return new InMemoryRateLimits(limits, clock);
    }
}
