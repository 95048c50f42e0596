package travel.amur.common.plumbing;

import org.springframework.boot.test.context.SpringBootTest;
import travel.amur.common.testing.RealInfrastructure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test of the plumbing application on real PostgreSQL and Kafka. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlumbingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=plumbing-test")
@RealInfrastructure
@interface PlumbingTest {
}
