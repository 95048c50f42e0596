package travel.amur.gateway.edge;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import travel.amur.gateway.security.CallerAuthentication;

/**
 * One access log line per request: method, path, status, time, agency. Never a header, a body or a query value that
 * could carry a secret.
 */
@Component
class AccessLogFilter implements GlobalFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("travel.amur.gateway.access");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:api[_-]?key|token|access_token|key|password|passport[a-z_]*)=)[^&]*");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long started = System.nanoTime();
        return exchange.getPrincipal()
                // The key's name (or the token's subject), never the key: operations see who still uses an old key.
                .map(principal -> principal instanceof CallerAuthentication caller
                        ? caller.getPrincipal().agencyId() + " caller=" + caller.getPrincipal().userId() : "-")
                .defaultIfEmpty("-")
                .flatMap(agency -> chain.filter(exchange).doFinally(signal -> log(exchange, started, agency)));
    }

    private static void log(ServerWebExchange exchange, long started, String agency) {
        // The same traceId and spanId fields as every other log line, which get them from the thread's MDC.
        RequestTraces.of(exchange).ifPresent(trace -> {
            MDC.put("traceId", trace.traceId());
            MDC.put("spanId", trace.spanId());
        });
        try {
            access.info("{} {} {} {}ms agency={}", exchange.getRequest().getMethod(), pathOf(exchange),
                    exchange.getResponse().getStatusCode() == null ? "-"
                            : exchange.getResponse().getStatusCode().value(),
                    (System.nanoTime() - started) / 1_000_000, agency);
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    static String pathOf(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        String path = exchange.getRequest().getPath().value();
        return query == null ? path : path + "?" + SECRET_PARAMETER.matcher(query).replaceAll("$1***");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
