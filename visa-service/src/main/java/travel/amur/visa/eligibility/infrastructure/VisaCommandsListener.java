package travel.amur.visa.eligibility.infrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import travel.amur.common.contract.visa.CheckVisas;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.visa.eligibility.application.AnsweringVisaChecks;

/** The booking saga's visa checks, each answered once. */
@Component
class VisaCommandsListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    VisaCommandsListener(IdempotentConsumer consumer, AnsweringVisaChecks answering) {
        this.consumer = consumer;
        this.handlers = MessageHandlers.of("visa-commands").on(CheckVisas.class, answering::answer).build();
    }

    @KafkaListener(id = "visa-commands", topics = Topics.VISA_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
