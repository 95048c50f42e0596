package travel.amur.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code META-INF/amur/defaults.yml} behind every other property source, so the services share one set of
 * operational defaults (actuator, JSON logs, Kafka reliability) and each {@code application.yml} or environment
 * variable can still override any of them.
 */
public class AmurDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "META-INF/amur/defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassPathResource defaults = new ClassPathResource(LOCATION, AmurDefaults.class.getClassLoader());
        try {
            new YamlPropertySourceLoader().load("amurDefaults", defaults)
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }
}
