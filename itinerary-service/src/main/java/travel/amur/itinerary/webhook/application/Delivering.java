package travel.amur.itinerary.webhook.application;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.itinerary.webhook.model.Delivery;
import travel.amur.itinerary.webhook.model.Signature;

/**
 * Delivers itinerary events to the agencies' webhooks, at least once and in order per itinerary. An event becomes one
 * delivery per subscribed webhook in the transaction that handles it (the deliveries table is the webhooks' outbox,
 * so a restart loses none); a sender in every instance posts what is due, signed, and retries what was not answered
 * 2xx with exponential backoff and jitter until the retry window closes.
 */
@Service
public class Delivering {

    public static final String SOURCE = "/amur/itinerary-service";
    private static final int BATCH = 20;
    private static final int IN_FLIGHT = 8;
    private static final Logger log = LoggerFactory.getLogger(Delivering.class);

    private final WebhookStore store;
    private final Receivers receivers;
    private final TargetCheck targets;
    private final WebhookPolicy policy;
    private final JsonMapper json;
    private final Clock clock;

    Delivering(WebhookStore store, Receivers receivers, TargetCheck targets, WebhookPolicy policy, JsonMapper json,
            Clock clock) {
        this.store = store;
        this.receivers = receivers;
        this.targets = targets;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the event for each of the agency's webhooks that subscribe to its type, as the CloudEvents structured
     * document every attempt sends; {@code eventId} is the event's own id, the same for every webhook.
     */
    public Mono<Void> enqueue(String agencyId, String eventType, String eventId, UUID itineraryId, Instant time,
            Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", SOURCE);
        event.put("type", eventType);
        event.put("subject", itineraryId.toString());
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        String body = json.writeValueAsString(event);
        Instant now = clock.instant();
        return store.subscribers(agencyId, eventType)
                .concatMap(webhook -> store.enqueue(webhook, eventType, itineraryId, body, now))
                .then();
    }

    /** Sends a batch of due deliveries; emits how many it attempted. */
    public Mono<Integer> deliverDue() {
        Instant now = clock.instant();
        // Leased a little past the receiver's time to answer, so no other instance sends one still on its way.
        Instant lease = now.plus(policy.timeout()).plusSeconds(20);
        return store.claimDue(now, lease, BATCH)
                .flatMap(this::attempt, IN_FLIGHT)
                .count()
                .map(Long::intValue);
    }

    private Mono<Void> attempt(WebhookStore.Due due) {
        Delivery delivery = due.delivery();
        URI url = URI.create(due.url());
        long t = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of("Content-Type", "application/cloudevents+json",
                "Amur-Webhook-Id", delivery.id().toString(),
                "Amur-Signature", Signature.header(due.secret(), t, delivery.body()),
                "User-Agent", "Amur-Webhooks/1");
        // Checked again at each attempt: a host may resolve elsewhere since it was registered.
        return targets.refusal(url)
                .flatMap(refused -> refused.isPresent()
                        ? Mono.just(new Receivers.Answer(null, "refused: the URL " + refused.get()))
                        : receivers.post(url, headers, delivery.body()))
                .onErrorResume(e -> Mono.just(new Receivers.Answer(null, e.getClass().getSimpleName())))
                .flatMap(answer -> record(delivery, answer));
    }

    private Mono<Void> record(Delivery delivery, Receivers.Answer answer) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (answer.delivered()) {
            return store.attempted(delivery.id(), "DELIVERED", answer.status(), null, null, now);
        }
        Instant next = policy.retries().next(delivery.retryFrom(), attempts, now,
                () -> ThreadLocalRandom.current().nextDouble());
        String error = answer.error() != null ? answer.error() : "answered " + answer.status();
        if (next == null) {
            log.warn("webhook delivery {} failed for good after {} attempts: {}", delivery.id(), attempts, error);
            return store.attempted(delivery.id(), "FAILED", answer.status(), error, null, now);
        }
        log.info("webhook delivery {} attempt {} not delivered ({}); next at {}", delivery.id(), attempts, error, next);
        return store.attempted(delivery.id(), "PENDING", answer.status(), error, next, now);
    }

    public Flux<Delivery> deliveries(String agencyId, UUID webhookId, int page, int size) {
        return store.deliveries(agencyId, webhookId, page, size);
    }

    public Mono<Long> countDeliveries(String agencyId, UUID webhookId) {
        return store.countDeliveries(agencyId, webhookId);
    }

    public Mono<Delivery> redeliver(String agencyId, UUID webhookId, UUID deliveryId) {
        return store.redeliver(agencyId, webhookId, deliveryId, clock.instant());
    }
}
