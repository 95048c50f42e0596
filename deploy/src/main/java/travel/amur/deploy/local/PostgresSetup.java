package travel.amur.deploy.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Makes sure a PostgreSQL server holds the role {@code amur} (password {@code amur}, CREATEDB for the tests) and one
 * database per service, logging in as an administrator. Exits 0 when all is in place, 1 when it cannot be done.
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
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        try (Connection admin = DriverManager.getConnection(url, args[2], args[3].isEmpty() ? null : args[3])) {
            prepare(admin, List.of(args).subList(4, args.length));
            System.out.println("PostgreSQL at " + args[0] + ":" + args[1] + " holds role amur and " + args.length + " databases");
        } catch (SQLException e) {
            System.err.println("cannot prepare PostgreSQL at " + args[0] + ":" + args[1] + " as " + args[2] + ": "
                    + e.getMessage());
            System.exit(1);
        }
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
