package travel.amur.flight.hold.infrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import travel.amur.common.contract.flight.ConfirmSeats;
import travel.amur.common.contract.flight.HoldSeats;
import travel.amur.common.contract.flight.ReleaseSeats;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.flight.hold.application.ChangingHolds;
import travel.amur.flight.hold.application.PlacingHolds;

/** The booking saga's seat commands, each handled once. */
@Component
class FlightCommandsListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    FlightCommandsListener(IdempotentConsumer consumer, PlacingHolds placing, ChangingHolds changing) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.of("flight-commands")
                .on(HoldSeats.class, placing::placeForBooking)
                .on(ConfirmSeats.class, changing::confirmForBooking)
                .on(ReleaseSeats.class, changing::releaseForBooking)
                .build();
    }

    @KafkaListener(id = "flight-commands", topics = Topics.FLIGHT_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
