package travel.amur.gateway.resilience;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resolves each service's instance list supplier at start-up. A round-robin balancer looks it up on its first
 * {@code choose()} under a lock, so the first requests that arrived together parked an event loop on it (BlockHound
 * caught it, and the breaker counted those calls as failures).
 */
@Component
class WarmBalancers {

    private final LoadBalancerClientFactory balancers;
    private final List<String> services;

    WarmBalancers(LoadBalancerClientFactory balancers,
            @Value("${spring.cloud.loadbalancer.eager-load.clients}") List<String> services) {
        this.balancers = balancers;
        this.services = services;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        // choose() resolves the supplier before it returns; nothing is subscribed, so no instance is called.
        services.forEach(service -> balancers.getInstance(service).choose());
    }
}
