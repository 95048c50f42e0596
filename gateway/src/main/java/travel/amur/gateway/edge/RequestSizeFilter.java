package travel.amur.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.Problems;
import travel.amur.gateway.GatewaySettings;

/** Refuses bodies larger than {@code amur.gateway.max-request-size} with a 413 problem, before they reach a service. */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestSizeFilter(GatewaySettings settings, ProblemResponses problems) {
        this.maxBytes = settings.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange, Problems.create(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                    "Request too large", "the body has " + length + " bytes; at most " + maxBytes + " are accepted"),
                    null);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
