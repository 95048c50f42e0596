package travel.amur.common.inbox;

import reactor.core.publisher.Mono;
import travel.amur.common.event.EventEnvelope;

/** Handles one kind of message; runs inside the transaction that records the message as handled. */
@FunctionalInterface
public interface MessageHandler<T> {

    Mono<Void> handle(T payload, EventEnvelope envelope);
}
