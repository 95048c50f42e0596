package travel.amur.common.postgres;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/**
 * The JDBC coordinates of the database the service reaches through R2DBC, so that Flyway migrates the very database
 * {@code SPRING_R2DBC_URL} names without a second setting.
 */
public class R2dbcDerivedJdbcConnectionDetails implements JdbcConnectionDetails, FlywayConnectionDetails {

    private final ConnectionFactoryOptions options;

    public R2dbcDerivedJdbcConnectionDetails(R2dbcConnectionDetails r2dbc) {
        this.options = r2dbc.getConnectionFactoryOptions();
    }

    @Override
    public String getJdbcUrl() {
        Object host = options.getValue(ConnectionFactoryOptions.HOST);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        return "jdbc:postgresql://" + host + ":" + (port == null ? 5432 : port) + "/" + (database == null ? "" : database);
    }

    @Override
    public String getUsername() {
        Object user = options.getValue(ConnectionFactoryOptions.USER);
        return user == null ? null : user.toString();
    }

    @Override
    public String getPassword() {
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        return password == null ? null : password.toString();
    }

    @Override
    public String getDriverClassName() {
        return "org.postgresql.Driver";
    }
}
