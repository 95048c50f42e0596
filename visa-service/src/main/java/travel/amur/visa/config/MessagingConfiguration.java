package travel.amur.visa.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import travel.amur.common.event.TopicDeclarations;
import travel.amur.common.event.Topics;

/** The topics the visa service owns: its commands and answers, and the dead letters of its commands. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    KafkaAdmin.NewTopics visaTopics(TopicDeclarations topics) {
        return topics.declare(Topics.VISA_COMMANDS, Topics.VISA_EVENTS, Topics.deadLetterOf(Topics.VISA_COMMANDS));
    }
}
