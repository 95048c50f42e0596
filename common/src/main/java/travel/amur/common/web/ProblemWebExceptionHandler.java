package travel.amur.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Writes every failed request as {@code application/problem+json}, whether it failed in a controller, a filter or
 * before any handler matched.
 */
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemResponses responses;

    public ProblemWebExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = Problems.from(failure);
        if (problem.getStatus() == 503) {
            log.warn("{} {} answered 503, {} unavailable: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), problem.getProperties() == null ? "a dependency"
                            : problem.getProperties().get("unavailable"), failure.toString());
        } else if (problem.getStatus() >= 500) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        // For instance Allow on a 405, or Accept on a 415.
        return responses.write(exchange, problem, failure instanceof ErrorResponse known ? known.getHeaders() : null);
    }
}
