package travel.amur.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.Problems;

/**
 * Where a route's circuit breaker sends a request its service cannot take: 504 when the service did not answer in
 * time, 503 when it is down or its breaker is open; both name the service.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ProblemResponses problems;

    FallbackController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean timedOut = cause instanceof TimeoutException;
        // Ops need to tell a refused connection, a time-out or a full bulkhead apart; the cause names which. An open
        // breaker turns every call away: logged once when it opens (resilience4j's state transition), not per call.
        if (cause instanceof CallNotPermittedException) {
            log.debug("{} fallback for {}: breaker open", service, exchange.getRequest().getPath());
        } else {
            log.warn("{} fallback for {}: {}", service, exchange.getRequest().getPath(), String.valueOf(cause));
        }
        var problem = timedOut
                ? Problems.create(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service timed out",
                        service + " did not answer in time; the request may be retried")
                : Problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        service + " is unavailable; try again shortly");
        problem.setProperty("service", service);
        return problems.write(exchange, problem, null);
    }
}
