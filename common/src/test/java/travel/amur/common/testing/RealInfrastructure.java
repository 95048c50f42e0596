package travel.amur.common.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Gives a Spring Boot test a real PostgreSQL database of its own and a real Kafka broker: Testcontainers with
 * {@code @ServiceConnection} where a Docker engine runs, otherwise a fresh database on the local PostgreSQL server (or
 * an embedded PostgreSQL) and an in-JVM KRaft broker. Test code is the same either way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ContainerInfrastructure.class)
@ContextConfiguration(initializers = LocalInfrastructure.class)
public @interface RealInfrastructure {
}
