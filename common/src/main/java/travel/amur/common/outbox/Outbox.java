package travel.amur.common.outbox;

import java.util.UUID;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * Where a service puts the events its state changes cause. Call it inside the transaction of the change: the event
 * is stored with it or not at all, and the relay publishes it after commit.
 */
public class Outbox {

    private final OutboxStore store;
    private final EventCodec codec;

    public Outbox(OutboxStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Stores {@code payload} for {@code topic}; {@code subject} is the aggregate id and the Kafka record key. */
    public Mono<EventEnvelope> publish(String topic, Object payload, Object subject, Causation causation) {
        return Mono.deferContextual(context -> {
            EventEnvelope envelope = codec.wrap(payload, String.valueOf(subject), causation, context);
            return store.append(UUID.fromString(envelope.id()), topic, envelope.subject(), envelope.type(),
                            codec.write(envelope), envelope.time())
                    .thenReturn(envelope);
        });
    }
}
