package travel.amur.flight;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Direct flights between Russia and Harbin: schedules, search, seat holds. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FlightServiceApplication {

    /** Its configuration file is flight-service.yml: a name of its own, so services can share a class path. */
    public static final String CONFIG_NAME = "flight-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(FlightServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
