package travel.amur.deploy.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL (binaries from a Maven jar) for machines without a PostgreSQL server: listens on the given port,
 * keeps its data in the given folder, holds the role {@code amur} and one database per service, and runs until the
 * process is stopped.
 *
 * <p>Usage: {@code EmbeddedPostgresServer <port> <data-dir> <database>...}
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EmbeddedPostgresServer <port> <data-dir> <database>...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            PostgresSetup.prepare(admin, List.of(args).subList(2, args.length));
        }
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
