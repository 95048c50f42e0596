package travel.amur.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.Problems;

/**
 * CORS for the web and mobile front ends, ahead of authentication: an allowed origin's requests get their headers and
 * its preflights end here; any other origin gets a 403 problem naming it (Spring's own filter answers an empty 403).
 */
class CorsFilter implements WebFilter, Ordered {

    private final CorsConfigurationSource source;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    CorsFilter(CorsConfigurationSource source, ProblemResponses problems) {
        this.source = source;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (!processor.process(config, exchange)) {
            String origin = exchange.getRequest().getHeaders().getOrigin();
            return problems.write(exchange, Problems.create(HttpStatus.FORBIDDEN, "cors-refused",
                    "Cross-origin request refused", "requests from the origin " + origin + " (or with this method "
                            + "or these headers) are not allowed; front ends are listed in "
                            + "amur.gateway.cors-allowed-origins"), new HttpHeaders());
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // After the protocol guard, before Spring Security's chain (-100).
        return Ordered.HIGHEST_PRECEDENCE + 6;
    }
}
