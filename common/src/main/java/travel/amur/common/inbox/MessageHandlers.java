package travel.amur.common.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * The handlers of one consumer, by CloudEvents type.
 */
public final class MessageHandlers {

    private final String consumer;
    private final Map<String, Registered<?>> byType;

    private MessageHandlers(String consumer, Map<String, Registered<?>> byType) {
        this.consumer = consumer;
        this.byType = Map.copyOf(byType);
    }

    /** Starts the handlers of {@code consumer}, a stable name under which handled message ids are recorded. */
    public static Builder of(String consumer) {
        return new Builder(consumer);
    }

    public String consumer() {
        return consumer;
    }

    Optional<Registered<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** A handler with the payload class it reads. */
    record Registered<T>(Class<T> payloadType, MessageHandler<T> handler) {

        Mono<Void> handle(EventCodec codec, EventEnvelope envelope) {
            T payload = codec.payload(envelope, payloadType);
            return handler.handle(payload, envelope);
        }
    }

    /** Collects handlers; one per type. */
    public static final class Builder {

        private final String consumer;
        private final Map<String, Registered<?>> byType = new LinkedHashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        public <T> Builder on(Class<T> payloadType, MessageHandler<T> handler) {
            String type = EventCodec.typeOf(payloadType);
            if (byType.putIfAbsent(type, new Registered<>(payloadType, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type);
            }
            return this;
        }

        public MessageHandlers build() {
            return new MessageHandlers(consumer, byType);
        }
    }
}
