package travel.amur.itinerary.webhook.infrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import travel.amur.common.contract.itinerary.ItineraryDisrupted;
import travel.amur.common.contract.itinerary.ItineraryStatusChanged;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.itinerary.webhook.application.Delivering;
import travel.amur.itinerary.webhook.model.Webhook;

/**
 * The itinerary events agencies subscribe to, queued for their webhooks, each event once; the event's payload, as
 * the AsyncAPI document describes it, is the delivery's {@code data}.
 */
@Component
class WebhookEventsListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    WebhookEventsListener(IdempotentConsumer consumer, Delivering delivering) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.of("webhooks")
                .on(ItineraryStatusChanged.class, (event, envelope) -> delivering.enqueue(event.agencyId(),
                        Webhook.STATUS_CHANGED, envelope.id(), event.itineraryId(), event.at(), event))
                .on(ItineraryDisrupted.class, (event, envelope) -> delivering.enqueue(event.agencyId(),
                        Webhook.DISRUPTED, envelope.id(), event.itineraryId(), event.detectedAt(), event))
                .build();
    }

    @KafkaListener(id = "webhooks", topics = Topics.ITINERARY_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
