package travel.amur.common.testing;

import java.time.Clock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Starts another Spring Boot application inside the test JVM, such as a second instance of a service or a
 * neighbouring service. It gets Netty resources of its own: by default all servers in a JVM share global ones, and
 * closing any application would stop them all.
 */
public final class SecondApplication {

    private SecondApplication() {
    }

    /** Runs {@code application} with {@code args}; with a non-null {@code clock}, that is the application's clock. */
    public static ConfigurableApplicationContext run(Class<?> application, Clock clock, String... args) {
        return new SpringApplicationBuilder(application)
                .initializers(context -> {
                    ReactorResourceFactory resources = new ReactorResourceFactory();
                    resources.setUseGlobalResources(false);
                    context.getBeanFactory().registerSingleton("reactorResourceFactory", resources);
                    if (clock != null) {
                        context.getBeanFactory().registerSingleton("clock", clock);
                    }
                })
                .run(args);
    }
}
