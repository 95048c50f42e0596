package travel.amur.flight.disruption.web;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.common.web.IdempotentRequests;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.Operator;
import travel.amur.common.web.ProblemException;
import travel.amur.common.web.StoredResponse;
import travel.amur.flight.disruption.application.DisruptingFlights;
import travel.amur.flight.disruption.model.DisruptFlight;

/** Operations declare a flight cancelled or retimed (OPS role, set by the gateway in {@code X-Roles}). */
@RestController
class DisruptionsController {

    private final DisruptingFlights disrupting;
    private final IdempotentRequests idempotency;

    DisruptionsController(DisruptingFlights disrupting, IdempotentRequests idempotency) {
        this.disrupting = disrupting;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/flights/{flightId}/disruptions")
    Mono<ResponseEntity<String>> disrupt(@PathVariable UUID flightId,
            @RequestHeader(name = Operator.ROLES, required = false) String roles,
            @RequestHeader(name = Operator.USER, required = false) String user,
            @RequestHeader(name = Operator.AGENCY, required = false) String agency,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody DisruptionRequest request) {
        Operator operator = Operator.require(roles, user, agency, "only operations (OPS) cancel or retime flights");
        var command = new DisruptFlight(flightId, request.type(), request.reason(),
                request.departure() == null ? null : request.departure().toInstant(),
                request.arrival() == null ? null : request.arrival().toInstant(), operator.name());
        var idempotent = new IdempotentRequests.Request(agency == null ? "operations" : agency,
                IdempotentRequests.requireKey(key), "POST /api/flights/" + flightId + "/disruptions", request);
        return idempotency.execute(idempotent, () -> disrupting.disrupt(command).map(found -> found
                        .map(decision -> {
                            if (decision instanceof DisruptFlight.Refused refused) {
                                throw problem(refused);
                            }
                            var disruption = ((DisruptFlight.Disrupted) decision).disruption();
                            return idempotency.respond(HttpStatus.CREATED, DisruptionView.of(disruption),
                                    "/api/flights/" + flightId + "/disruptions/" + disruption.id());
                        })
                        .orElseThrow(() -> ProblemException.notFound("no flight " + flightId))))
                .map(StoredResponse::toResponseEntity);
    }

    private static ProblemException problem(DisruptFlight.Refused refused) {
        return switch (refused.refusal()) {
            case INVALID -> ProblemException.invalid(List.of(new InvalidField(refused.field(), refused.message())));
            case DEPARTED -> ProblemException.conflict("flight-departed", "Flight departed", refused.message());
            case ALREADY_CANCELLED -> ProblemException.conflict("flight-cancelled", "Flight cancelled",
                    refused.message());
            case NOT_CANCELLED -> ProblemException.conflict("flight-not-cancelled", "Flight not cancelled",
                    refused.message());
        };
    }
}
