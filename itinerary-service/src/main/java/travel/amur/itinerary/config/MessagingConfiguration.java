package travel.amur.itinerary.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import travel.amur.common.event.TopicDeclarations;
import travel.amur.common.event.Topics;

/** The topics the itinerary service writes, and the dead letters of those it reads. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    KafkaAdmin.NewTopics itineraryTopics(TopicDeclarations topics) {
        return topics.declare(Topics.ITINERARY_EVENTS, Topics.FLIGHT_COMMANDS, Topics.VISA_COMMANDS,
                Topics.FLIGHT_EVENTS, Topics.VISA_EVENTS, Topics.deadLetterOf(Topics.FLIGHT_EVENTS),
                Topics.deadLetterOf(Topics.VISA_EVENTS));
    }
}
