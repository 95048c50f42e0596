package travel.amur.itinerary.planning.infrastructure;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import travel.amur.common.config.RepeatingTask;
import travel.amur.itinerary.planning.application.ProposingAlternatives;

/** Works out, every {@code amur.disruptions.scan-interval}, the alternatives that could not be worked out before. */
@Configuration(proxyBeanMethods = false)
class AlternativesJob {

    @Bean
    RepeatingTask awaitingAlternatives(ProposingAlternatives proposing,
            @Value("${amur.disruptions.scan-interval:5s}") Duration interval) {
        return new RepeatingTask("working out alternatives", interval, interval, proposing::proposeAwaiting);
    }
}
