package travel.amur.visa;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Visa-free entry eligibility for the China-Russia corridor, from dated and cited policies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VisaServiceApplication {

    /** Its configuration file is visa-service.yml: a name of its own, so services can share a class path. */
    public static final String CONFIG_NAME = "visa-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(VisaServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
