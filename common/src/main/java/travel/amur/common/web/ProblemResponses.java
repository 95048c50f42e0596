package travel.amur.common.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 problem as the response, from a controller, a filter or an exception handler alike. */
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
        ProblemTexts.preload();
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        if (extraHeaders != null) {
            response.getHeaders().putAll(extraHeaders);
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            // A 503 is passing by definition here: say when to come back, so clients need no guess.
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.RETRY_AFTER_SECONDS));
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Locale language = ProblemTexts.choose(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage());
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        byte[] bytes = json.writeValueAsBytes(Problems.body(ProblemTexts.localise(problem, language)));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
