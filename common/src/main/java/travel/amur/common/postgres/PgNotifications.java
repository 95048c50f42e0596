package travel.amur.common.postgres;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * PostgreSQL {@code LISTEN}: a stream of notification payloads on a channel, over a connection of its own that is
 * reopened when it drops.
 */
public class PgNotifications {

    /** Emitted once each time the listening connection is (re)established, so callers can catch up on what they missed. */
    public static final String LISTENING = "";

    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresqlConnectionFactory connections;

    public PgNotifications(ConnectionFactory connectionFactory) {
        this.connections = unwrap(connectionFactory);
    }

    /** Notification payloads of {@code channel}; {@link #LISTENING} first and after every reconnect. Never completes. */
    public Flux<String> listen(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        return Flux.usingWhen(connections.create(),
                        connection -> subscribe(connection, channel),
                        PostgresqlConnection::close)
                .concatWith(Mono.error(() -> new IllegalStateException("LISTEN " + channel + " connection closed")))
                .doOnError(e -> log.warn("LISTEN {} lost: {}; reconnecting", channel, e.getMessage()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)));
    }

    private static Flux<String> subscribe(PostgresqlConnection connection, String channel) {
        return connection.createStatement("LISTEN " + channel).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(Flux.just(LISTENING).concatWith(
                        connection.getNotifications().map(n -> n.getParameter() == null ? "" : n.getParameter())));
    }

    private static PostgresqlConnectionFactory unwrap(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (!(current instanceof PostgresqlConnectionFactory)) {
            if (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
                current = inner;
            } else {
                throw new IllegalStateException("LISTEN/NOTIFY needs r2dbc-postgresql, found " + factory.getClass());
            }
        }
        return (PostgresqlConnectionFactory) current;
    }
}
