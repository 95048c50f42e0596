package travel.amur.itinerary;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Harbin ice-festival catalog, itineraries, and the booking saga that books them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ItineraryServiceApplication {

    /** Its configuration file is itinerary-service.yml: a name of its own, so services can share a class path. */
    public static final String CONFIG_NAME = "itinerary-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ItineraryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
