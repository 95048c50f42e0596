package travel.amur.gateway.edge;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of a request, read from its server observation. The gateway does not copy the trace into thread-locals
 * at every reactive operator (context propagation is {@code limited}: that copying cost a third of its throughput),
 * so whatever needs the trace id takes it from here.
 */
final class RequestTraces {

    private RequestTraces() {
    }

    static Optional<TraceContext> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(observation -> observation.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context);
    }
}
