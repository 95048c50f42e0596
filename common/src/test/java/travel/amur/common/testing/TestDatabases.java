package travel.amur.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests: on the server at {@code AMUR_TEST_PG_HOST:AMUR_TEST_PG_PORT} (default
 * 127.0.0.1:5432, role {@code amur}/{@code amur} with CREATEDB) when it answers, otherwise on an embedded PostgreSQL
 * started once per JVM. Databases are dropped when the JVM exits.
 */
public final class TestDatabases {

    /** Where a test database lives and how to log in. */
    public record Database(String host, int port, String name, String user, String password) {

        public String r2dbcUrl() {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    private record Server(String host, int port, String user, String password) {

        Connection admin() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
        }
    }

    private static Server server;

    private TestDatabases() {
    }

    public static synchronized Database create(String prefix) {
        Server current = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_test_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        try (Connection admin = current.admin()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(current, name)));
        return new Database(current.host(), current.port(), name, current.user(), current.password());
    }

    private static void drop(Server server, String name) {
        try (Connection admin = server.admin()) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // The server may already be gone at JVM exit; a leftover test database harms nothing.
        }
    }

    private static Server server() {
        if (server == null) {
            server = localServer();
            if (server == null) {
                server = embeddedServer();
            }
        }
        return server;
    }

    private static Server localServer() {
        Server local = new Server(env("AMUR_TEST_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("AMUR_TEST_PG_PORT", "5432")), env("AMUR_TEST_PG_USER", "amur"),
                env("AMUR_TEST_PG_PASSWORD", "amur"));
        try (Connection ignored = local.admin()) {
            return local;
        } catch (SQLException e) {
            System.err.println("[amur-test] no PostgreSQL at " + local.host() + ":" + local.port() + " for user "
                    + local.user() + " (" + e.getMessage() + "); starting an embedded PostgreSQL");
            return null;
        }
    }

    private static Server embeddedServer() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // Exiting anyway.
                }
            }));
            return new Server("127.0.0.1", embedded.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
