package city.vigil.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The embedded default's database: a real PostgreSQL (binaries from Maven Central) with its data under
 * {@code ./data/postgres}, started before Quarkus reads the datasource URL. Same SQL and code paths as production.
 *
 * <p>Durable by default (fsync, synchronous commit, full-page writes: an acknowledged write survives a power cut);
 * {@code vigil.embedded.durable=false} trades that for speed where nothing is at stake (tests). A PostgreSQL left
 * behind by a Vigil that was killed is stopped before the new one starts, but only when its pid file names a postgres
 * process serving this very data directory. A PostgreSQL that dies under a running Vigil is started again, on the same
 * port, so the pool reconnects by itself.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** System property set while the embedded database runs; features meant only for the embedded default read it. */
    public static final String ACTIVE_PROPERTY = "vigil.embedded.active";
    /** {@code false}: no fsync or synchronous commit (faster, loses acknowledged writes on a power cut). */
    public static final String DURABLE_PROPERTY = "vigil.embedded.durable";
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path pgData;
    private final int port;
    private final boolean durable;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closing;

    private EmbeddedDatabase(Path pgData, EmbeddedPostgres postgres, boolean durable) {
        this.pgData = pgData;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.durable = durable;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the operator pointed Vigil at a database of their own (production mode). */
    public static boolean databaseConfigured() {
        return notBlank(System.getenv("VIGIL_DB_URL")) || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        boolean durable = !"false".equalsIgnoreCase(System.getProperty(DURABLE_PROPERTY, System.getenv("VIGIL_EMBEDDED_DURABLE")));
        try {
            Files.createDirectories(pgData);
            stopOrphan(pgData);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = launch(pgData, durable, 0);
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty("quarkus.datasource.jdbc.url", url);
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "");
            System.setProperty(ACTIVE_PROPERTY, "true");
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%d ms, %s)", postgres.getPort(), pgData,
                    (System.nanoTime() - started) / 1_000_000, durable ? "durable" : "NOT durable: vigil.embedded.durable=false");
            return new EmbeddedDatabase(pgData, postgres, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }

    private static EmbeddedPostgres launch(Path pgData, boolean durable, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "60")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    public static boolean active() {
        return Boolean.getBoolean(ACTIVE_PROPERTY);
    }

    /**
     * A postmaster left running by a Vigil that was killed holds the data directory: stop it (fast shutdown, then
     * kill after {@link #ORPHAN_STOP_WAIT}) and wait until it is gone. Only a live postgres process serving this data
     * directory is touched; a stale pid file is left to PostgreSQL, which ignores it.
     */
    static void stopOrphan(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(pgData);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle p = orphan.get();
        LOG.warnf("A PostgreSQL (pid %d) from an earlier run still serves %s; stopping it before starting", p.pid(), pgData);
        signal(p.pid(), "INT");
        long until = System.nanoTime() + ORPHAN_STOP_WAIT.toNanos();
        while (p.isAlive() && System.nanoTime() < until) {
            try {
                p.onExit().get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // still stopping
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while the old PostgreSQL stopped", e);
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        if (p.isAlive()) {
            LOG.warnf("The old PostgreSQL (pid %d) did not stop in %d s; killing it", p.pid(), ORPHAN_STOP_WAIT.toSeconds());
            p.destroyForcibly();
            p.onExit().join();
        }
        LOG.infof("The old PostgreSQL (pid %d) has stopped", p.pid());
    }

    /** The live postgres process that the data directory's pid file names, when it really serves that directory. */
    static Optional<ProcessHandle> postmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || !Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(pgData.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        String command = handle.get().info().command().orElse("");
        Path exe = Path.of("/proc", Long.toString(pid), "exe");
        if (command.isEmpty() && Files.exists(exe)) {
            command = Files.readSymbolicLink(exe).toString();
        }
        return Path.of(command).getFileName() != null && Path.of(command).getFileName().toString().startsWith("postgres") ? handle : Optional.empty();
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts PostgreSQL again, on the same port and data, when it died under a running Vigil. */
    private void watch() {
        if (closing) {
            return;
        }
        try {
            if (postmaster(pgData).isPresent()) {
                return;
            }
            LOG.errorf("The embedded PostgreSQL has stopped; starting it again on port %d", port);
            EmbeddedPostgres old = postgres;
            try {
                old.close();
            } catch (IOException | RuntimeException e) {
                // It is gone already; closing only releases what the old handle kept.
            }
            long started = System.nanoTime();
            postgres = launch(pgData, durable, port);
            LOG.infof("Embedded PostgreSQL started again on port %d (%d ms)", port, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("The embedded PostgreSQL could not be started again, retrying: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        watchdog.shutdownNow();
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
