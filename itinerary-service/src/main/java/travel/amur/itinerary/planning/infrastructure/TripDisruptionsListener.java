package travel.amur.itinerary.planning.infrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import travel.amur.common.contract.flight.FlightDisrupted;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.itinerary.planning.application.RecordingDisruptions;

/** Disruptions the flight service announces, recorded on the trips they befall, each announcement once. */
@Component
class TripDisruptionsListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    TripDisruptionsListener(IdempotentConsumer consumer, RecordingDisruptions recording) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.of("trip-disruptions")
                .on(FlightDisrupted.class, (event, envelope) -> recording.flightDisrupted(event).then())
                .build();
    }

    @KafkaListener(id = "trip-disruptions", topics = Topics.FLIGHT_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
