package travel.amur.itinerary.webhook.web;

import static travel.amur.itinerary.planning.web.ItinerariesController.AGENCY;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.common.web.IdempotentRequests;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.PageLinks;
import travel.amur.common.web.ProblemException;
import travel.amur.common.web.StoredResponse;
import travel.amur.itinerary.webhook.application.Delivering;
import travel.amur.itinerary.webhook.application.Subscribing;
import travel.amur.itinerary.webhook.model.Delivery;
import travel.amur.itinerary.webhook.model.Webhook;

/** An agency's webhooks: register one (its secret shown once), list, remove, and see and redeliver its deliveries. */
@RestController
@RequestMapping("/api/webhooks")
@Validated
@Tag(name = "Webhooks", description = "Be told of itinerary events by signed HTTP POSTs")
class WebhooksController {

    private final Subscribing subscribing;
    private final Delivering delivering;
    private final IdempotentRequests idempotency;

    WebhooksController(Subscribing subscribing, Delivering delivering, IdempotentRequests idempotency) {
        this.subscribing = subscribing;
        this.delivering = delivering;
        this.idempotency = idempotency;
    }

    /** What an agency registers. */
    record WebhookRequest(String url, List<String> events) {
    }

    /** A webhook as listed; {@code secret} only in the answer to its registration. */
    record WebhookView(UUID id, String url, List<String> events, Instant createdAt) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.createdAt());
        }
    }

    /** The answer to a registration, the only one that shows the secret. */
    record RegisteredView(UUID id, String url, List<String> events, Instant createdAt, String secret) {
    }

    /** A delivery and how its attempts went. */
    record DeliveryView(UUID id, String eventType, UUID itineraryId, String status, int attempts, Integer lastStatus,
            String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventType(), d.itineraryId(), d.status(), d.attempts(), d.lastStatus(),
                    d.lastError(), "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.createdAt(),
                    d.deliveredAt());
        }
    }

    @PostMapping
    @Operation(summary = "Register a webhook; its signing secret is in this answer only")
    Mono<ResponseEntity<String>> register(@RequestHeader(AGENCY) String agencyId,
            @RequestBody(required = false) WebhookRequest body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        WebhookRequest request = body == null ? new WebhookRequest(null, null) : body;
        var idempotent = new IdempotentRequests.Request(agencyId, IdempotentRequests.requireKey(key),
                "POST /api/webhooks", request);
        return idempotency.execute(idempotent, () -> subscribing.register(agencyId, request.url(), request.events())
                        .map(outcome -> {
                            Subscribing.Registered registered = registered(outcome);
                            Webhook webhook = registered.webhook();
                            return idempotency.respond(HttpStatus.CREATED, new RegisteredView(webhook.id(),
                                    webhook.url(), webhook.events(), webhook.createdAt(), registered.secret()),
                                    "/api/webhooks/" + webhook.id());
                        }))
                .map(StoredResponse::toResponseEntity);
    }

    @GetMapping
    @Operation(summary = "The agency's webhooks")
    Mono<List<WebhookView>> list(@RequestHeader(AGENCY) String agencyId) {
        return subscribing.list(agencyId).map(WebhookView::of).collectList();
    }

    @DeleteMapping("/{webhookId}")
    @Operation(summary = "Remove a webhook: nothing more is delivered to it")
    Mono<ResponseEntity<Void>> delete(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID webhookId) {
        return subscribing.delete(agencyId, webhookId)
                .flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(notFound(webhookId)));
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(summary = "A webhook's deliveries, newest first, with their attempts")
    Mono<ResponseEntity<List<DeliveryView>>> deliveries(@RequestHeader(AGENCY) String agencyId,
            @PathVariable UUID webhookId, ServerHttpRequest request,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageLinks.MAX_SIZE) int size) {
        return owned(agencyId, webhookId)
                .then(Mono.zip(delivering.deliveries(agencyId, webhookId, page, size).map(DeliveryView::of)
                        .collectList(), delivering.countDeliveries(agencyId, webhookId)))
                .map(found -> new PageLinks(page, size, found.getT2()).respond(request, found.getT1()));
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again now (with a new retry window)")
    Mono<ResponseEntity<DeliveryView>> redeliver(@RequestHeader(AGENCY) String agencyId,
            @PathVariable UUID webhookId, @PathVariable UUID deliveryId) {
        return delivering.redeliver(agencyId, webhookId, deliveryId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("webhook " + webhookId
                        + " has no delivery " + deliveryId)))
                .map(delivery -> ResponseEntity.accepted().body(DeliveryView.of(delivery)));
    }

    private Mono<Webhook> owned(String agencyId, UUID webhookId) {
        return subscribing.list(agencyId).filter(webhook -> webhook.id().equals(webhookId)).next()
                .switchIfEmpty(Mono.error(() -> notFound(webhookId)));
    }

    private static Subscribing.Registered registered(Subscribing.Outcome outcome) {
        if (outcome instanceof Subscribing.Invalid invalid) {
            throw ProblemException.invalid(invalid.problems().stream()
                    .map(problem -> new InvalidField(problem.field(), problem.message())).toList());
        }
        if (outcome instanceof Subscribing.TooMany tooMany) {
            throw ProblemException.conflict("too-many-webhooks", "Too many webhooks", "an agency may have "
                    + tooMany.limit() + " webhooks; remove one first");
        }
        return (Subscribing.Registered) outcome;
    }

    private static ProblemException notFound(UUID webhookId) {
        return ProblemException.notFound("no webhook " + webhookId);
    }
}
