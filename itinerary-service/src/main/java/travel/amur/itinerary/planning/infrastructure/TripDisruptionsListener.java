package travel.amur.itinerary.planning.infrastructure;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import travel.amur.common.contract.flight.FlightDisrupted;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.itinerary.planning.application.ProposingAlternatives;
import travel.amur.itinerary.planning.application.RecordingDisruptions;

/**
 * Disruptions the flight service announces, recorded on the trips they befall, each announcement once; then their
 * alternatives are worked out.
 */
@Component
class TripDisruptionsListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    private final ProposingAlternatives proposing;
    /** Whether a message handled disrupted a trip, so the alternatives are worked out once it is committed. */
    private final AtomicBoolean recorded = new AtomicBoolean();

    TripDisruptionsListener(IdempotentConsumer consumer, RecordingDisruptions recording,
            ProposingAlternatives proposing) {
        this.consumer = consumer;
        this.proposing = proposing;
        this.handlers = MessageHandlers.of("trip-disruptions")
                .on(FlightDisrupted.class, (event, envelope) -> recording.flightDisrupted(event, Causation.of(envelope))
                        .doOnNext(trips -> {
                            if (!trips.isEmpty()) {
                                recorded.set(true);
                            }
                        }).then())
                .build();
    }

    @KafkaListener(id = "trip-disruptions", topics = Topics.FLIGHT_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
        // Committed: the alternatives are worked out apart from the message, asking the flight and visa services.
        if (recorded.getAndSet(false)) {
            proposing.wake();
        }
    }
}
