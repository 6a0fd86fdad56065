package city.vigil.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The embedded default's database: a real PostgreSQL (binaries from Maven Central) with its data under
 * {@code ./data/postgres}, started before Quarkus reads the datasource URL. Same SQL and code paths as production.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** System property set while the embedded database runs; features meant only for the embedded default read it. */
    public static final String ACTIVE_PROPERTY = "vigil.embedded.active";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Whether the operator pointed Vigil at a database of their own (production mode). */
    public static boolean databaseConfigured() {
        return notBlank(System.getenv("VIGIL_DB_URL")) || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(pgData);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "60")
                    .start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty("quarkus.datasource.jdbc.url", url);
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "");
            System.setProperty(ACTIVE_PROPERTY, "true");
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%d ms)", postgres.getPort(), pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }

    public static boolean active() {
        return Boolean.getBoolean(ACTIVE_PROPERTY);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
