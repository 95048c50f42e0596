package travel.amur.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Returns the request's W3C {@code traceparent} to the client, so an agency can quote it to support and find every log
 * line of that request in every service. The services get it from the gateway's instrumented HTTP client.
 */
@Component
class TraceparentResponseFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RequestTraces.of(exchange).ifPresent(context -> exchange.getResponse().getHeaders().set("traceparent",
                "00-" + context.traceId() + "-" + context.spanId() + "-"
                        + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00")));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
