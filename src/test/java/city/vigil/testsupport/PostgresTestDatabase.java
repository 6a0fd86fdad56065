package city.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Makes sure the machine's PostgreSQL has the test database ({@code vigil_test}); Flyway cleans it at start, so
 * every run begins empty, and so do the tests' Redis keys. Fails loudly when PostgreSQL or Redis is down rather than
 * testing against nothing.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
    public static final String ADMIN_URL = System.getenv().getOrDefault("VIGIL_TEST_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String DATABASE = "vigil_test";
    public static final String USER = System.getenv().getOrDefault("VIGIL_TEST_DB_USER", "postgres");

    @Override
    public Map<String, String> start() {
        ensureDatabase();
        RedisTestKeys.clean();
        return Map.of();
    }

    public static void ensureDatabase() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + ADMIN_URL + " (trust auth): " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
    }
}
