package travel.amur.visa.eligibility.model;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.testing.TestDatabases;
import travel.amur.visa.policy.application.PolicyDocument;
import travel.amur.visa.policy.model.Policy;

/**
 * The policies exactly as the migrations store them: the visa service's migrations run on a fresh database of the
 * test's own (real PostgreSQL), and the documents are read back. Once per JVM.
 */
public final class SeedPolicies {

    private static List<Policy> loaded;

    private SeedPolicies() {
    }

    public static synchronized List<Policy> load() {
        if (loaded == null) {
            loaded = migrateAndRead();
        }
        return loaded;
    }

    private static List<Policy> migrateAndRead() {
        TestDatabases.Database database = TestDatabases.create("visa-seed");
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration/visa-service", "classpath:db/amur-common")
                .outOfOrder(true)
                .load()
                .migrate();
        JsonMapper json = JsonMapper.builder().build();
        List<Policy> policies = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, version, document::text AS document FROM entry_policy ORDER BY id")) {
            while (rows.next()) {
                policies.add(json.readValue(rows.getString("document"), PolicyDocument.class)
                        .toPolicy(rows.getString("id"), rows.getInt("version")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the seed policies", e);
        }
        return List.copyOf(policies);
    }
}
