package travel.amur.flight.hold.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import travel.amur.common.web.IdempotentRequests;
import travel.amur.common.web.PageLinks;
import travel.amur.common.web.ProblemException;
import travel.amur.common.web.StoredResponse;
import travel.amur.flight.hold.application.ChangingHolds;
import travel.amur.flight.hold.application.PlacingHolds;
import travel.amur.flight.hold.model.ExpiredHold;
import travel.amur.flight.hold.model.HoldStatus;
import travel.amur.flight.hold.model.Passengers;
import travel.amur.flight.hold.model.Refusal;
import travel.amur.flight.hold.model.SeatHold;
import travel.amur.flight.schedule.model.Cabin;

/** Seat holds of the agency named in {@code X-Agency-Id} (set by the gateway); other agencies' holds are 404s. */
@RestController
@RequestMapping("/api/flights/holds")
@Tag(name = "Holds", description = "Hold seats, then confirm or release them")
class HoldsController {

    static final String AGENCY = "X-Agency-Id";
    private static final int MAX_NAME_LENGTH = 100;

    private final PlacingHolds placing;
    private final ChangingHolds changing;
    private final travel.amur.flight.hold.application.Holds holds;
    private final IdempotentRequests idempotency;

    HoldsController(PlacingHolds placing, ChangingHolds changing, travel.amur.flight.hold.application.Holds holds,
            IdempotentRequests idempotency) {
        this.placing = placing;
        this.changing = changing;
        this.holds = holds;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Hold seats", description = """
            Holds seats until `expiresAt` (15 minutes by default, never past departure). Needs an \
            `Idempotency-Key`: a retry with the same key and body gets the first answer again (even an error); \
            the same key with another body is a 422; a retry while the first is still running is a 409.""")
    @ApiResponse(responseCode = "201", description = "Seats held", content = @Content(examples = @ExampleObject(
            value = """
                    {"holdId":"7b0f8a4e-1f5e-4c8e-9a55-0c1f5c0e2d11","status":"HELD",
                     "flightId":"3f1c6c1e-7d0e-3a53-9a43-1b5e0c1d2f01","flightNumber":"HZ4698","cabin":"ECONOMY",
                     "seats":2,"passengerNames":["Ivan Petrov","Maria Petrova"],
                     "total":{"amount":25000.00,"currency":"RUB"},"createdAt":"2026-12-01T10:00:00Z",
                     "expiresAt":"2026-12-01T10:15:00Z"}""")))
    @ApiResponse(responseCode = "409", description = "Not enough free seats, or the flight has departed",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type":"https://amur.travel/problems/seats-unavailable","title":"Seats unavailable",
                     "status":409,"detail":"only 1 ECONOMY seats left on HZ4698, 2 asked for"}""")))
    Mono<ResponseEntity<String>> place(@RequestHeader(AGENCY) String agencyId,
            @Parameter(description = "a unique key per hold, e.g. a UUID")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody PlaceHoldRequest request) {
        var command = new PlacingHolds.PlaceHold(UUID.randomUUID(), agencyId, null, request.flightId(),
                request.cabin() == null ? Cabin.ECONOMY : request.cabin(), passengers(request),
                request.currency());
        var idempotent = new IdempotentRequests.Request(agencyId, IdempotentRequests.requireKey(key),
                "POST /api/flights/holds", request);
        return idempotency.execute(idempotent, () -> placing.place(command).map(placement -> {
                    if (placement instanceof PlacingHolds.Refused refused) {
                        throw refusal(refused, request);
                    }
                    SeatHold held = ((PlacingHolds.Placed) placement).hold();
                    return idempotency.respond(HttpStatus.CREATED, HoldView.of(held),
                            "/api/flights/holds/" + held.details().id());
                }))
                .map(StoredResponse::toResponseEntity);
    }

    @GetMapping("/{holdId}")
    @Operation(summary = "One of the agency's holds")
    Mono<HoldView> hold(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID holdId) {
        return holds.findOwnedBy(holdId, agencyId).map(HoldView::of).switchIfEmpty(notFound(holdId));
    }

    @GetMapping
    @Operation(summary = "The agency's holds, newest first")
    Mono<ResponseEntity<List<HoldView>>> list(@RequestHeader(AGENCY) String agencyId,
            @RequestParam(required = false) HoldStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageLinks.MAX_SIZE) int size,
            ServerHttpRequest request) {
        return holds.listOwnedBy(agencyId, status, page, size).map(HoldView::of).collectList()
                .zipWith(holds.countOwnedBy(agencyId, status))
                .map(found -> new PageLinks(page, size, found.getT2()).respond(request, found.getT1()));
    }

    @PostMapping("/{holdId}/confirm")
    @Operation(summary = "Confirm a hold: the seats are sold", description = """
            Confirming twice answers the same. A hold past its `expiresAt` cannot be confirmed (409).""")
    Mono<HoldView> confirm(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID holdId) {
        return changing.confirm(holdId, agencyId)
                .map(hold -> {
                    if (hold.status() != HoldStatus.CONFIRMED) {
                        throw notConfirmable(hold);
                    }
                    return HoldView.of(hold);
                })
                .switchIfEmpty(notFound(holdId));
    }

    @DeleteMapping("/{holdId}")
    @Operation(summary = "Release a hold, held or sold", description = """
            The seats go back to the flight. Releasing a hold that has already ended answers its final state.""")
    Mono<HoldView> release(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID holdId) {
        return changing.release(holdId, agencyId).map(HoldView::of).switchIfEmpty(notFound(holdId));
    }

    /** Reads {@code passengers} as a count or a list of names; either way 1 to 50. */
    private static Passengers passengers(PlaceHoldRequest request) {
        JsonNode count = request.passengers();
        if (request.passengerNames() != null) {
            Passengers named = named(request.passengerNames(), "passengerNames");
            if (count != null && !count.isNull() && (!count.isIntegralNumber() || count.asInt() != named.count())) {
                throw ProblemException.invalid("passengers", "must be the number of passengerNames ("
                        + named.count() + ") or left out");
            }
            return named;
        }
        if (count == null || count.isNull()) {
            throw ProblemException.invalid("passengers", "is required: a count (1-" + Passengers.MAX
                    + "), or the names in passengerNames");
        }
        if (count.isIntegralNumber()) {
            int seats = count.asInt();
            if (seats < 1 || seats > Passengers.MAX) {
                throw ProblemException.invalid("passengers", "must be between 1 and " + Passengers.MAX);
            }
            return Passengers.count(seats);
        }
        if (count.isArray()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count.size(); i++) {
                JsonNode name = count.get(i);
                if (!name.isString()) {
                    throw ProblemException.invalid("passengers[" + i + "]", "must be a name");
                }
                names.add(name.asString());
            }
            return named(names, "passengers");
        }
        throw ProblemException.invalid("passengers", "must be a count (1-" + Passengers.MAX
                + "); give names in passengerNames");
    }

    private static Passengers named(List<String> names, String field) {
        if (names.isEmpty() || names.size() > Passengers.MAX) {
            throw ProblemException.invalid(field, "must list 1 to " + Passengers.MAX + " names");
        }
        List<String> trimmed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
                throw ProblemException.invalid(field + "[" + i + "]",
                        "must be a name of 1 to " + MAX_NAME_LENGTH + " characters");
            }
            trimmed.add(name.trim());
        }
        return Passengers.named(trimmed);
    }

    private static ProblemException refusal(PlacingHolds.Refused refused, PlaceHoldRequest request) {
        if (refused.refusal() == Refusal.NOT_FOUND) {
            return ProblemException.invalid("flightId", refused.explanation());
        }
        if (refused.refusal() == Refusal.DEPARTED) {
            return ProblemException.conflict("flight-departed", "Flight departed", refused.explanation());
        }
        if (refused.refusal() == Refusal.CANCELLED) {
            return ProblemException.conflict("flight-cancelled", "Flight cancelled", refused.explanation());
        }
        return ProblemException.conflict("seats-unavailable", "Seats unavailable", refused.explanation());
    }

    private static ProblemException notConfirmable(SeatHold hold) {
        if (hold instanceof ExpiredHold) {
            return ProblemException.conflict("hold-expired", "Hold expired",
                    "the hold expired at " + hold.details().expiresAt() + " and its seats were released");
        }
        return ProblemException.conflict("hold-not-confirmable", "Hold cannot be confirmed",
                "the hold is " + hold.status());
    }

    private static <T> Mono<T> notFound(UUID holdId) {
        return Mono.error(() -> ProblemException.notFound("no hold " + holdId));
    }
}
