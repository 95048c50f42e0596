package travel.amur.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.Problems;
import travel.amur.gateway.GatewaySettings;
import travel.amur.gateway.security.CallerAuthentication;

/**
 * Spends a token per request from the caller's bucket: the agency's when authenticated, the address's otherwise.
 * Over the limit: 429 problem with {@code Retry-After}; every answer carries {@code X-RateLimit-*} headers.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimits limits;
    private final ProblemResponses problems;
    private final GatewaySettings settings;

    RateLimitFilter(RateLimits limits, ProblemResponses problems, GatewaySettings settings) {
        this.limits = limits;
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(CallerAuthentication.class::isInstance)
                .map(principal -> limits.take(RateLimits.Kind.AGENCY,
                        ((CallerAuthentication) principal).getPrincipal().agencyId()))
                .defaultIfEmpty(Mono.defer(() -> limits.take(RateLimits.Kind.ANONYMOUS, address(exchange))))
                .flatMap(decision -> decision)
                .onErrorResume(e -> {
                    log.warn("rate limit store unavailable, letting the request through: {}", e.toString());
                    return Mono.empty();
                })
                .map(decision -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("X-RateLimit-Remaining", String.valueOf(Math.max(decision.remaining(), 0)));
                    headers.set("X-RateLimit-Replenish-Rate", String.valueOf(decision.replenishRate()));
                    headers.set("X-RateLimit-Burst-Capacity", String.valueOf(decision.burstCapacity()));
                    return decision.allowed();
                })
                .defaultIfEmpty(true)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : tooMany(exchange));
    }

    private Mono<Void> tooMany(ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, settings.rateLimit().retryAfter().toSeconds())));
        return problems.write(exchange, Problems.create(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "the request rate limit was reached; retry after the Retry-After seconds"),
                headers);
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 40;
    }
}
