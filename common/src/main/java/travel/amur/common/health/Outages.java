package travel.amur.common.health;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a passing outage of something a service depends on (its database unreachable or starting up, its connection
 * pool exhausted, Kafka not answering) from a failure that retrying cannot cure. An outage is answered 503 with
 * {@code Retry-After} and retried by consumers; anything else is a bug or bad data.
 *
 * <p>Classes are recognised by name, so that applications without R2DBC or Kafka on their class path can use this.
 */
public final class Outages {

    /** What a caller is told is unavailable. */
    public static final String DATABASE = "database";
    public static final String KAFKA = "Kafka";
    public static final String DEPENDENCY = "a service it depends on";

    /*
     * SQLSTATEs of a server that cannot take work now: class 08 (connection exceptions) and these; see
     * https://www.postgresql.org/docs/15/errcodes-appendix.html.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: "the database system is starting up"
            "53300", // too_many_connections
            "40001", // serialization_failure: retry
            "40P01"); // deadlock_detected: retry

    private static final Set<String> DATABASE_OUTAGE_TYPES = Set.of(
            "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "reactor.pool.PoolAcquireTimeoutException",
            "reactor.pool.PoolAcquirePendingLimitException",
            "reactor.pool.PoolShutdownException");

    private static final Set<String> KAFKA_OUTAGE_TYPES = Set.of(
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException");

    private Outages() {
    }

    /** What is unavailable when {@code failure} is a passing outage, or empty when retrying would not help. */
    public static Optional<String> unavailable(Throwable failure) {
        boolean lostConnection = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isA(t, DATABASE_OUTAGE_TYPES) || unavailableState(t) || inPackage(t, "io.r2dbc.")
                    && t.getClass().getName().contains("ConnectionClosed")) {
                return Optional.of(DATABASE);
            }
            if (isA(t, KAFKA_OUTAGE_TYPES)) {
                return Optional.of(KAFKA);
            }
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof TimeoutException) {
                lostConnection = true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return lostConnection ? Optional.of(DEPENDENCY) : Optional.empty();
    }

    public static boolean isOutage(Throwable failure) {
        return unavailable(failure).isPresent();
    }

    private static boolean unavailableState(Throwable t) {
        if (!inPackage(t, "io.r2dbc.") && !inPackage(t, "org.springframework.r2dbc.")) {
            return false;
        }
        String state = sqlState(t);
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    private static String sqlState(Throwable t) {
        try {
            Object state = t.getClass().getMethod("getSqlState").invoke(t);
            return state instanceof String text ? text : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isA(Throwable t, Set<String> typeNames) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPackage(Throwable t, String prefix) {
        return t.getClass().getName().startsWith(prefix);
    }
}
