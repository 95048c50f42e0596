package travel.amur.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each service's breaker records every call's outcome on the event loop that carried it. resilience4j's default
 * sliding window takes a lock for that, so two event loops finishing calls at once would park one of them; the
 * lock-free window does not.
 */
@Configuration(proxyBeanMethods = false)
class LockFreeBreakers {

    @Bean
    CircuitBreakerConfigCustomizer flightServiceBreaker() {
        return lockFree("flight-service");
    }

    @Bean
    CircuitBreakerConfigCustomizer visaServiceBreaker() {
        return lockFree("visa-service");
    }

    @Bean
    CircuitBreakerConfigCustomizer itineraryServiceBreaker() {
        return lockFree("itinerary-service");
    }

    private static CircuitBreakerConfigCustomizer lockFree(String service) {
        return CircuitBreakerConfigCustomizer.of(service,
                builder -> builder.slidingWindowSynchronizationStrategy(SlidingWindowSynchronizationStrategy.LOCK_FREE));
    }
}
