package travel.amur.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;
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
 * Over the limit: 429 problem with {@code Retry-After} until the bucket's next token. Every answer describes the
 * bucket in the IETF httpapi fields ({@code RateLimit-Policy}: its capacity and the seconds it takes to refill;
 * {@code RateLimit}: what is left and when it is full again) and in the older {@code X-RateLimit-*} headers.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    private final RateLimits limits;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(CallerAuthentication.class::isInstance)
                .map(principal -> limits.take(RateLimits.Kind.AGENCY,
                        ((CallerAuthentication) principal).getPrincipal().agencyId()).map(d -> new Spent("agency", d)))
                .defaultIfEmpty(Mono.defer(() -> limits.take(RateLimits.Kind.ANONYMOUS, address(exchange))
                        .map(d -> new Spent("anonymous", d))))
                .flatMap(spent -> spent)
                .map(Optional::of)
                .onErrorResume(e -> {
                    log.warn("rate limit store unavailable, letting the request through: {}", e.toString());
                    return Mono.just(Optional.empty());
                })
                .defaultIfEmpty(Optional.empty())
                .flatMap(spent -> {
                    if (spent.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    describe(exchange.getResponse().getHeaders(), spent.get().policy(), spent.get().decision());
                    return spent.get().decision().allowed() ? chain.filter(exchange)
                            : tooMany(exchange, spent.get().decision());
                });
    }

    /** A token taken, or refused, from the bucket of the named policy. */
    private record Spent(String policy, RateLimits.Decision decision) {
    }

    static void describe(HttpHeaders headers, String policy, RateLimits.Decision decision) {
        GatewaySettings.Bucket bucket = decision.bucket();
        long remaining = Math.max(decision.remaining(), 0);
        headers.set(POLICY, "\"" + policy + "\";q=" + bucket.burstCapacity() + ";w="
                + Math.max(1, bucket.secondsFor(bucket.burstCapacity())));
        headers.set(LIMIT, "\"" + policy + "\";r=" + remaining + ";t=" + decision.fullInSeconds());
        headers.set("X-RateLimit-Remaining", String.valueOf(remaining));
        headers.set("X-RateLimit-Replenish-Rate", String.valueOf(bucket.replenishRate()));
        headers.set("X-RateLimit-Burst-Capacity", String.valueOf(bucket.burstCapacity()));
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, RateLimits.Decision decision) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        var problem = Problems.create(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "the request rate limit was reached; the next request is allowed in " + decision.retryAfterSeconds()
                        + " s (Retry-After)");
        problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
        return problems.write(exchange, problem, headers);
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
