package travel.amur.common.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.event.EventCodec;
import travel.amur.common.web.ProblemWebExceptionHandler;

/**
 * What every Amur application shares: the clock, the event codec and RFC 9457 errors.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class AmurCoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper json, Clock clock, Environment environment) {
        return new EventCodec(json, clock, "/amur/" + environment.getProperty("spring.application.name", "unknown"));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnMissingBean
    ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
        return new ProblemWebExceptionHandler(json);
    }
}
