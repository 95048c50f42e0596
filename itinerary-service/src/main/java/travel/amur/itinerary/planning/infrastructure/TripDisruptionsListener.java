package travel.amur.itinerary.planning.infrastructure;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.FlightDisrupted;
import travel.amur.common.contract.itinerary.AttractionClosed;
import travel.amur.common.contract.itinerary.AttractionReopened;
import travel.amur.common.contract.visa.EntryPolicyChanged;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.itinerary.planning.application.ProposingAlternatives;
import travel.amur.itinerary.planning.application.RecordingDisruptions;
import travel.amur.itinerary.planning.application.TripDisruptions;

/**
 * Disruptions announced by the flight service (a flight cancelled or retimed), the visa service (an entry policy
 * narrowed or retired) and the catalog (an attraction closed or reopened), recorded on the trips they befall, each announcement once; then their alternatives are worked
 * out.
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
                .on(FlightDisrupted.class, (event, envelope) -> noting(recording.flightDisrupted(event,
                        Causation.of(envelope))))
                .on(AttractionClosed.class, (event, envelope) -> noting(recording.attractionClosed(event,
                        Causation.of(envelope))))
                .on(EntryPolicyChanged.class, (event, envelope) -> noting(recording.policyChanged(event,
                        Causation.of(envelope))))
                .on(AttractionReopened.class, (event, envelope) -> recording.attractionReopened(event).then())
                .build();
    }

    private Mono<Void> noting(Mono<List<TripDisruptions.Recorded>> recording) {
        return recording.doOnNext(trips -> {
            if (!trips.isEmpty()) {
                recorded.set(true);
            }
        }).then();
    }

    @KafkaListener(id = "trip-disruptions", topics = {Topics.FLIGHT_EVENTS, Topics.ITINERARY_EVENTS,
            Topics.VISA_EVENTS})
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
        // Committed: the alternatives are worked out apart from the message, asking the flight and visa services.
        if (recorded.getAndSet(false)) {
            proposing.wake();
        }
    }
}
