package travel.amur.visa.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import travel.amur.common.testing.MutableClock;
import travel.amur.common.testing.ApiContractClients;
import travel.amur.common.testing.RealInfrastructure;
import travel.amur.visa.VisaServiceApplication;

/** The visa service on real PostgreSQL and Kafka; its clock stands at Monday 4 January 2027. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + VisaServiceApplication.CONFIG_NAME, "logging.structured.format.console="})
@RealInfrastructure
@AutoConfigureWebTestClient(timeout = "PT20S")
@Import({VisaServiceTest.Clock.class, ApiContractClients.class})
public @interface VisaServiceTest {

    /** The tests' time, whatever today is. */
    @TestConfiguration(proxyBeanMethods = false)
    class Clock {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2027-01-04T00:00:00Z"));
        }
    }
}
