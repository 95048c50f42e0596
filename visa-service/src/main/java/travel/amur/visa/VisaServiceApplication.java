package travel.amur.visa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Visa-free entry eligibility for the China-Russia corridor, from dated and cited policies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VisaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisaServiceApplication.class, args);
    }
}
