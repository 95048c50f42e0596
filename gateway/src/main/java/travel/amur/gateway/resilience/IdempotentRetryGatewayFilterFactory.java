package travel.amur.gateway.resilience;

import java.net.ConnectException;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * {@code IdempotentRetry}: Spring Cloud Gateway's Retry, but only where a retry cannot repeat an effect. Reads, and
 * writes that carry an {@code Idempotency-Key} (the service replays a repeat or runs it once), are retried on every
 * status and exception configured, such as a 503 from a service whose database restarts; any other request only when
 * its connection was refused, since then it never reached the service. Each retry goes through the load balancer
 * again, so it may reach another instance. Takes the same arguments as {@code Retry}.
 */
@Component
public class IdempotentRetryGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RetryGatewayFilterFactory.RetryConfig> {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RetryGatewayFilterFactory retry = new RetryGatewayFilterFactory();

    public IdempotentRetryGatewayFilterFactory() {
        super(RetryGatewayFilterFactory.RetryConfig.class);
    }

    @Override
    public GatewayFilter apply(RetryGatewayFilterFactory.RetryConfig config) {
        GatewayFilter retrying = retry.apply(config.allMethods());
        GatewayFilter reconnecting = retry.apply(refusedOnly(config));
        return (exchange, chain) -> repeatable(exchange.getRequest())
                ? retrying.filter(exchange, chain)
                : reconnecting.filter(exchange, chain);
    }

    static boolean repeatable(ServerHttpRequest request) {
        return SAFE.contains(request.getMethod()) || request.getHeaders().containsHeader("Idempotency-Key");
    }

    @SuppressWarnings("unchecked")
    private static RetryGatewayFilterFactory.RetryConfig refusedOnly(RetryGatewayFilterFactory.RetryConfig config) {
        RetryGatewayFilterFactory.RetryConfig refused = new RetryGatewayFilterFactory.RetryConfig();
        refused.setRetries(config.getRetries());
        refused.setBackoff(config.getBackoff());
        refused.setSeries();
        refused.setStatuses();
        refused.setExceptions(ConnectException.class);
        return refused.allMethods();
    }
}
