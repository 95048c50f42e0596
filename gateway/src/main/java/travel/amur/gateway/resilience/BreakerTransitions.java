package travel.amur.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs each service breaker's state changes: when a service is cut off and when it is let back in. */
@Component
class BreakerTransitions {

    private static final Logger log = LoggerFactory.getLogger(BreakerTransitions.class);

    BreakerTransitions(CircuitBreakerRegistry breakers) {
        breakers.getAllCircuitBreakers().forEach(BreakerTransitions::watch);
        // Spring Cloud creates a route's breaker on its first call.
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private static void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> log.warn("circuit breaker of {}: {}",
                event.getCircuitBreakerName(), event.getStateTransition()));
    }
}
