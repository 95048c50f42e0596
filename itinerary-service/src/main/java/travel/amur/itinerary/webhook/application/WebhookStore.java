package travel.amur.itinerary.webhook.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.webhook.model.Delivery;
import travel.amur.itinerary.webhook.model.Webhook;

/** Webhooks and their deliveries; every method sees only the given agency's, except the sender's. */
public interface WebhookStore {

    Mono<Void> add(Webhook webhook, String secret);

    Flux<Webhook> list(String agencyId);

    Mono<Long> count(String agencyId);

    Mono<Boolean> delete(String agencyId, UUID webhookId);

    /** The agency's webhooks that subscribe to the event type. */
    Flux<UUID> subscribers(String agencyId, String eventType);

    /** Queues a delivery, due now, in the caller's transaction. */
    Mono<Void> enqueue(UUID webhookId, String eventType, UUID itineraryId, String body, Instant now);

    /** A due delivery with what sending it needs. */
    record Due(Delivery delivery, String url, String secret) {
    }

    /**
     * Takes up to {@code limit} due deliveries, each the oldest pending one of its itinerary for its webhook (so a
     * receiver gets an itinerary's events in order), leased until {@code leaseUntil} so that no other instance sends
     * them meanwhile.
     */
    Flux<Due> claimDue(Instant now, Instant leaseUntil, int limit);

    /** What an attempt came to: DELIVERED, PENDING again at {@code nextAttemptAt}, or FAILED. */
    Mono<Void> attempted(UUID deliveryId, String status, Integer httpStatus, String error, Instant nextAttemptAt,
            Instant now);

    Flux<Delivery> deliveries(String agencyId, UUID webhookId, int page, int size);

    Mono<Long> countDeliveries(String agencyId, UUID webhookId);

    /** Sends a delivery again, due now, with a new retry window; empty when the agency has no such delivery. */
    Mono<Delivery> redeliver(String agencyId, UUID webhookId, UUID deliveryId, Instant now);
}
