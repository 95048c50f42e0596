package travel.amur.flight.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import travel.amur.common.testing.ApiContractClients;
import travel.amur.common.testing.RealInfrastructure;
import travel.amur.flight.FlightServiceApplication;

/**
 * The flight service on real PostgreSQL and Kafka, with a clock the test controls. The first request of a new context
 * is slow on a loaded two-core machine (class loading, the flight window generated at start-up): 20 s, not 5.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + FlightServiceApplication.CONFIG_NAME,
        "amur.flight.holds.expiry-interval=200ms",
        "logging.structured.format.console="})
@RealInfrastructure
@AutoConfigureWebTestClient(timeout = "PT20S")
@Import({TestClock.class, ApiContractClients.class})
public @interface FlightServiceTest {
}
