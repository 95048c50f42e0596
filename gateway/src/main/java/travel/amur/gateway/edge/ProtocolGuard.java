package travel.amur.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.Problems;

/**
 * Refuses, as problem details and before anything else runs, what no Amur operation accepts: methods other than
 * those the API uses (TRACE echoes credentials back), a URI over {@value #MAX_URI} characters and headers over
 * {@value #MAX_HEADERS} bytes. Netty's own limits sit above these (application.yml), so that it is this filter that
 * answers, with a body that says why.
 */
@Component
class ProtocolGuard implements WebFilter, Ordered {

    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final ProblemResponses problems;

    ProtocolGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!METHODS.contains(request.getMethod())) {
            HttpHeaders allow = new HttpHeaders();
            allow.set(HttpHeaders.ALLOW, ALLOW);
            return refuse(exchange, Problems.create(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Method not allowed", request.getMethod().name() + " is not used by the Amur API; it uses " + ALLOW),
                    allow);
        }
        int uriLength = request.getURI().getRawPath().length()
                + (request.getURI().getRawQuery() == null ? 0 : request.getURI().getRawQuery().length() + 1);
        if (uriLength > MAX_URI) {
            return refuse(exchange, Problems.create(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long",
                    "the URI has " + uriLength + " characters; at most " + MAX_URI + " are accepted"), null);
        }
        int headerBytes = headerBytes(request.getHeaders());
        if (headerBytes > MAX_HEADERS) {
            return refuse(exchange, Problems.create(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "Request headers too large", "the headers have " + headerBytes + " bytes; at most " + MAX_HEADERS
                            + " are accepted"), null);
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        // The connection may hold more of an oversized request; do not keep it for the next one.
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return problems.write(exchange, problem, headers);
    }

    private static int headerBytes(HttpHeaders headers) {
        int bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    @Override
    public int getOrder() {
        // Before Spring Security's chain (-100) and the CORS check.
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
