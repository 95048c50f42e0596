package travel.amur.gateway.resilience;

import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * {@code IdempotentRetry}: Spring Cloud Gateway's Retry, but only for requests a retry cannot repeat the effect of:
 * reads, and writes that carry an {@code Idempotency-Key} (the service answers a repeat with the first answer).
 * Takes the same arguments as {@code Retry}.
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
        return (exchange, chain) -> repeatable(exchange.getRequest())
                ? retrying.filter(exchange, chain)
                : chain.filter(exchange);
    }

    static boolean repeatable(ServerHttpRequest request) {
        return SAFE.contains(request.getMethod()) || request.getHeaders().containsHeader("Idempotency-Key");
    }
}
