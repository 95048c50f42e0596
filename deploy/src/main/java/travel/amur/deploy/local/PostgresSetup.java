package travel.amur.deploy.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes sure a PostgreSQL server holds the role {@code amur} (password {@code amur}, CREATEDB for the tests) and one
 * database per service, logging in as an administrator; without one it checks, as {@code amur}, that each database is
 * already there. Exits 0 when all is in place, 1 (saying what to do) when it is not.
 *
 * <p>Usage: {@code PostgresSetup <host> <port> <admin-user> <admin-password> <database>...}
 */
public final class PostgresSetup {

    private PostgresSetup() {
    }

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: PostgresSetup <host> <port> <admin-user> <admin-password> <database>...");
            System.exit(2);
        }
        String server = args[0] + ":" + args[1];
        List<String> databases = List.of(args).subList(4, args.length);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", args[2],
                args[3].isEmpty() ? null : args[3])) {
            prepare(admin, databases);
            System.out.println("PostgreSQL at " + server + " holds role amur and databases " + databases);
            return;
        } catch (SQLException e) {
            System.err.println("cannot log in to PostgreSQL at " + server + " as " + args[2] + ": " + e.getMessage());
        }
        // Without an administrator the set-up may still have been done by hand: check it as amur, database by database.
        List<String> missing = new ArrayList<>();
        for (String database : databases) {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + server + "/" + database,
                    "amur", "amur")) {
                System.out.println("database " + database + " answers role amur");
            } catch (SQLException e) {
                System.err.println("database " + database + " does not answer role amur: " + e.getMessage());
                missing.add(database);
            }
        }
        if (missing.isEmpty()) {
            System.out.println("PostgreSQL at " + server + " holds role amur and databases " + databases
                    + " (checked as amur)");
            return;
        }
        System.err.println("""
                PostgreSQL at %s is not set up for Amur, and %s could not set it up. Either give run.sh an \
                administrator (AMUR_PG_ADMIN_USER, AMUR_PG_ADMIN_PASSWORD), or, as one:
                  CREATE ROLE amur LOGIN PASSWORD 'amur' CREATEDB;
                %s""".formatted(server, args[2], missing.stream()
                .map(database -> "  CREATE DATABASE " + database + " OWNER amur;").collect(Collectors.joining("\n"))));
        System.exit(1);
    }

    static void prepare(Connection admin, List<String> databases) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = 'amur'")) {
                sql.execute("CREATE ROLE amur LOGIN PASSWORD 'amur' CREATEDB");
            }
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a database name: " + database);
                }
                if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    sql.execute("CREATE DATABASE " + database + " OWNER amur");
                }
            }
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }
}
