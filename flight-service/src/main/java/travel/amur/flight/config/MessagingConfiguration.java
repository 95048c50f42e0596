package travel.amur.flight.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import travel.amur.common.event.TopicDeclarations;
import travel.amur.common.event.Topics;

/** The topics the flight service owns: its events, and the dead letters of the commands it carries out. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    KafkaAdmin.NewTopics flightTopics(TopicDeclarations topics) {
        return topics.declare(Topics.FLIGHT_COMMANDS, Topics.FLIGHT_EVENTS, Topics.deadLetterOf(Topics.FLIGHT_COMMANDS));
    }
}
