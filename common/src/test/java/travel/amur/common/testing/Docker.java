package travel.amur.common.testing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here; asked once per JVM. */
public final class Docker {

    private static volatile Boolean available;

    private Docker() {
    }

    public static boolean available() {
        Boolean known = available;
        if (known == null) {
            synchronized (Docker.class) {
                if (available == null) {
                    available = !Boolean.getBoolean("amur.test.no-docker") && detect();
                }
                known = available;
            }
        }
        return known;
    }

    private static boolean detect() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Matches where Docker runs. */
    public static final class Available implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return available();
        }
    }
}
