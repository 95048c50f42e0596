package travel.amur.itinerary.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.common.web.IdempotentRequests;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.Operator;
import travel.amur.common.web.ProblemException;
import travel.amur.common.web.StoredResponse;
import travel.amur.itinerary.catalog.application.ClosingAttractions;
import travel.amur.itinerary.catalog.model.Closure;

/** Operations close an attraction for a while (the catalog shows it, planning warns, trips are disrupted) or reopen it. */
@RestController
@RequestMapping("/api/catalog/attractions/{attractionId}/closures")
@Tag(name = "Catalog")
class ClosuresController {

    private final ClosingAttractions closing;
    private final IdempotentRequests idempotency;

    ClosuresController(ClosingAttractions closing, IdempotentRequests idempotency) {
        this.closing = closing;
        this.idempotency = idempotency;
    }

    /** What operations declare. */
    record ClosureRequest(LocalDate from, LocalDate to, String reason) {
    }

    /** A closure as answered and shown in the catalog. */
    record ClosureView(UUID id, String attractionId, LocalDate from, LocalDate to, String reason) {

        static ClosureView of(Closure closure) {
            return new ClosureView(closure.id(), closure.attractionId(), closure.from(), closure.to(),
                    closure.reason());
        }
    }

    @PostMapping
    @Operation(summary = "Close an attraction from a date, to a date or until further notice (OPS)")
    Mono<ResponseEntity<String>> close(@PathVariable String attractionId,
            @RequestHeader(name = Operator.ROLES, required = false) String roles,
            @RequestHeader(name = Operator.USER, required = false) String user,
            @RequestHeader(name = Operator.AGENCY, required = false) String agency,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody(required = false) ClosureRequest body) {
        Operator operator = Operator.require(roles, user, agency, "only operations (OPS) close attractions");
        ClosureRequest request = body == null ? new ClosureRequest(null, null, null) : body;
        String path = "/api/catalog/attractions/" + attractionId + "/closures";
        var idempotent = new IdempotentRequests.Request(agency == null ? "operations" : agency,
                IdempotentRequests.requireKey(key), "POST " + path, request);
        return idempotency.execute(idempotent, () -> closing.close(attractionId, request.from(), request.to(),
                        request.reason(), operator.name())
                        .map(outcome -> {
                            if (outcome instanceof ClosingAttractions.NoAttraction) {
                                throw ProblemException.notFound("no attraction " + attractionId);
                            }
                            if (outcome instanceof ClosingAttractions.Invalid invalid) {
                                throw ProblemException.invalid(invalid.problems().stream()
                                        .map(problem -> new InvalidField(problem.field(), problem.message()))
                                        .toList());
                            }
                            Closure closure = ((ClosingAttractions.Closed) outcome).closure();
                            return idempotency.respond(HttpStatus.CREATED, ClosureView.of(closure),
                                    path + "/" + closure.id());
                        }))
                .map(StoredResponse::toResponseEntity);
    }

    @DeleteMapping("/{closureId}")
    @Operation(summary = "Reopen: lift a closure (OPS); lifting again answers the same")
    Mono<ResponseEntity<Void>> reopen(@PathVariable String attractionId, @PathVariable UUID closureId,
            @RequestHeader(name = Operator.ROLES, required = false) String roles,
            @RequestHeader(name = Operator.USER, required = false) String user,
            @RequestHeader(name = Operator.AGENCY, required = false) String agency) {
        Operator operator = Operator.require(roles, user, agency, "only operations (OPS) reopen attractions");
        return closing.reopen(attractionId, closureId, operator.name())
                .map(lifted -> lifted.map(closure -> ResponseEntity.noContent().<Void>build())
                        .orElseThrow(() -> ProblemException.notFound("attraction " + attractionId
                                + " has no closure " + closureId)));
    }
}
