package city.vigil.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Whether PostgreSQL answers, known at every moment without waiting on it: one thread of its own pings it every second
 * on a connection of its own, with a one-second bound on connecting, logging in and reading, so a frozen server
 * (SIGSTOP, a hung disk) is told from a live one within about two seconds. While it does not answer, API requests are
 * refused at once with 503 database-unavailable ({@link DatabaseGate}) and readiness is down ({@link DatabaseReadiness})
 * instead of every caller hanging on the pool.
 */
@ApplicationScoped
public class DatabaseHealth {
    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class);
    private static final int TIMEOUT_SECONDS = 1;
    private static final long EVERY_MILLIS = 1_000;

    private final MeterRegistry meters;
    private volatile boolean available = true;
    private volatile String lastError;
    private volatile boolean running;
    private Thread thread;
    private Connection connection;
    private final ExecutorService aborts = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vigil-database-ping-abort");
        t.setDaemon(true);
        return t;
    });

    DatabaseHealth(MeterRegistry meters) {
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        Meter.PLATFORM_DATABASE_AVAILABLE.gauge(this, h -> h.available ? 1 : 0).register(meters);
        running = true;
        // A thread of its own, not @Scheduled: the ping must go on when the worker pool is stuck on a frozen database.
        thread = new Thread(this::run, "vigil-database-ping");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        close();
    }

    /** PostgreSQL answered the last ping within a second. */
    public boolean available() {
        return available;
    }

    /** Why the last ping failed (no URL or credentials in it), while it is unavailable. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        while (running) {
            boolean ok = ping();
            if (ok != available) {
                if (ok) {
                    LOG.infof("PostgreSQL answers again");
                } else {
                    LOG.errorf("PostgreSQL does not answer (%s): API requests get 503 until it does", lastError);
                }
                available = ok;
            }
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean ping() {
        try {
            if (connection == null) {
                connection = connect();
            }
            // Bounded by the network timeout alone: a query timeout sends a cancel to the server on a new connection,
            // which hangs on a frozen server while holding the connection's lock.
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT 1");
            }
            lastError = null;
            return true;
        } catch (SQLException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + Redact.userInfo(String.valueOf(e.getMessage()));
            close();
            return false;
        }
    }

    private Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties props = new Properties();
        props.setProperty("user", config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"));
        props.setProperty("password", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        props.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS + 1));
        props.setProperty("ApplicationName", "vigil-health");
        Connection c = DriverManager.getConnection(url, props);
        c.setNetworkTimeout(aborts, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS + 1));
        return c;
    }

    private void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.abort(aborts);
            } catch (SQLException | RuntimeException e) {
                // Closing what no longer answers.
            }
        }
    }
}
