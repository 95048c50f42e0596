package travel.amur.itinerary.webhook.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one webhook: the CloudEvents document as it is sent every time, and how its attempts went.
 *
 * @param status PENDING until a 2xx answer (DELIVERED) or the retry window closed (FAILED)
 * @param lastStatus the HTTP status of the last attempt; null when there was no answer
 * @param lastError what went wrong in the last attempt, if anything
 * @param retryFrom where its retry window starts: its creation, or when it was last asked to be redelivered
 */
public record Delivery(UUID id, UUID webhookId, String eventType, UUID itineraryId, String body, String status,
        int attempts, Integer lastStatus, String lastError, Instant nextAttemptAt, Instant createdAt,
        Instant retryFrom, Instant deliveredAt) {
}
