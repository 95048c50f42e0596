package travel.amur.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes the bulkhead Spring Cloud CircuitBreaker puts around every call to a service. Its default comes from
 * resilience4j (25 calls) and ignores {@code resilience4j.bulkhead} properties, hence a customizer.
 */
@Configuration(proxyBeanMethods = false)
class BulkheadConfiguration {

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> serviceBulkheads(
            @Value("${amur.gateway.max-concurrent-calls}") int maxConcurrentCalls) {
        return provider -> provider.configureDefault(service -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(maxConcurrentCalls)
                        // Over the cap, answer 503 at once rather than queue behind a slow service.
                        .maxWaitDuration(Duration.ZERO)
                        .build())
                .build());
    }
}
