package city.vigil.coverage;

import city.vigil.camera.CamerasChanged;
import city.vigil.monitor.ChannelView;
import city.vigil.monitor.LinkState;
import city.vigil.monitor.MonitorService;
import city.vigil.monitor.StateChanged;
import city.vigil.platform.Daemons;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Owns the {@link CoverageBook}: builds it once the monitor runs (and again every {@code rebuild-interval}, since sites
 * change without events), applies every state change and registry change to it on one thread, writes site.uncovered /
 * site.covered into the outbox, and answers reads on the same thread (a read of 10,000 sites takes a millisecond or
 * two, so readers wait briefly instead of the book needing locks).
 */
@ApplicationScoped
public class CoverageService {
    private static final Logger LOG = Logger.getLogger(CoverageService.class);

    private final CoverageLoader loader;
    private final AgroalDataSource dataSource;
    private final MonitorService monitor;
    private final ObjectMapper json;
    private final Duration rebuildInterval;
    private final boolean enabled;
    private ScheduledExecutorService thread;
    private volatile CoverageBook book;
    private volatile Instant builtAt;

    CoverageService(AgroalDataSource dataSource, MonitorService monitor, ObjectMapper json,
                    @ConfigProperty(name = "vigil.coverage.enabled", defaultValue = "true") boolean enabled,
                    @ConfigProperty(name = "vigil.coverage.rebuild-interval", defaultValue = "10m") Duration rebuildInterval) {
        this.loader = new CoverageLoader(dataSource);
        this.dataSource = dataSource;
        this.monitor = monitor;
        this.json = json;
        this.enabled = enabled;
        this.rebuildInterval = rebuildInterval;
    }

    void onStart(@Observes StartupEvent event) {
        thread = Daemons.scheduler("vigil-coverage");
        if (enabled) {
            thread.scheduleWithFixedDelay(this::rebuildWhenReady, 1, rebuildInterval.toSeconds(), TimeUnit.SECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void rebuildWhenReady() {
        if (monitor.info().enabled() && !monitor.ready()) {
            // The first build waits for the monitor's states; try again in a second.
            thread.schedule(this::rebuildWhenReady, 1, TimeUnit.SECONDS);
            return;
        }
        try {
            rebuild();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Coverage: rebuild failed, keeping the previous book: %s", e.getMessage());
        }
    }

    /** Builds a new book from PostgreSQL and the monitor's live states; swaps it in whole. */
    void rebuild() throws SQLException {
        long started = System.nanoTime();
        Instant now = Instant.now();
        CoverageBook fresh = new CoverageBook(loader.sites(), loader.grids());
        loader.cameras(row -> {
            ChannelView live = monitor.channel(row.spec().gbId()).orElse(null);
            fresh.add(row.spec(), live != null ? live.state() : row.state(), live != null ? live.since() : row.since(),
                    live != null && live.cause() != null ? live.cause().name() : row.cause(), now);
        });
        fresh.settle(now);
        book = fresh;
        builtAt = now;
        LOG.infof("Coverage: %d sites, %d grids, %d cameras in %d ms", fresh.sites().size(), fresh.grids().size(), fresh.cameraCount(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A channel's state changed (after it was journalled): update its sites and grid. */
    void stateChanged(@Observes StateChanged change) {
        if (thread == null || book == null) {
            return;
        }
        thread.execute(() -> {
            CoverageBook b = book;
            ChannelView live = monitor.channel(change.gbId()).orElse(null);
            Instant now = Instant.now();
            List<CoverageBook.Flip> flips = b.state(change.gbId(), change.to(), live != null ? live.since() : now,
                    live != null && live.cause() != null ? live.cause().name() : null, now);
            announce(flips);
        });
    }

    /** A camera was added, moved or removed: place it again (many at once: rebuild). */
    void camerasChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CamerasChanged change) {
        if (thread == null || book == null) {
            return;
        }
        thread.execute(() -> {
            try {
                if (change.gbId() == null) {
                    rebuild();
                    return;
                }
                CoverageLoader.Row row = loader.camera(change.gbId());
                Instant now = Instant.now();
                List<CoverageBook.Flip> flips = row == null ? book.remove(change.gbId(), now)
                        : book.add(row.spec(), stateOf(row), row.since(), row.cause(), now);
                announce(flips);
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Coverage: cannot place camera %s: %s", change.gbId(), e.getMessage());
            }
        });
    }

    /** Sites changed: rebuild a moment later, once for a burst of changes (an import of thousands). */
    void sitesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) city.vigil.site.SitesChanged change) {
        if (thread == null || !enabled || !rebuildPending.compareAndSet(false, true)) {
            return;
        }
        thread.schedule(() -> {
            rebuildPending.set(false);
            rebuildWhenReady();
        }, SITE_REBUILD_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private final java.util.concurrent.atomic.AtomicBoolean rebuildPending = new java.util.concurrent.atomic.AtomicBoolean();
    private static final long SITE_REBUILD_DELAY_MS = 1_000;

    private LinkState stateOf(CoverageLoader.Row row) {
        return monitor.channel(row.spec().gbId()).map(ChannelView::state).orElse(row.state());
    }

    /** site.uncovered / site.covered into the outbox, with the cameras that decide it. */
    private void announce(List<CoverageBook.Flip> flips) {
        if (flips.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, "
                + "area_path, severity, data) VALUES (?, ?, ?, 3, ?::jsonb)")) {
            for (CoverageBook.Flip f : flips) {
                SiteSpec site = f.site().spec;
                ObjectNode data = json.createObjectNode().put("siteCode", site.code()).put("name", site.name()).put("category", site.category())
                        .put("areaCode", lastCode(site.areaPath())).put("areaPath", site.areaPath()).put("covered", f.covered())
                        .put("since", f.at().toString()).put("onlineCameras", f.site().good).put("required", site.minOnline())
                        .put("maxPointClass", site.maxPointClass());
                ArrayNode cams = data.putArray("cameras");
                for (CoverageBook.Cam cam : f.site().seenBy) {
                    cams.addObject().put("gbId", cam.gbId).put("pointClass", cam.pointClass).put("state", cam.state.name())
                            .put("since", cam.since == null ? null : cam.since.toString()).put("cause", cam.cause);
                }
                s.setString(1, f.covered() ? "site.covered" : "site.uncovered");
                s.setTimestamp(2, Timestamp.from(f.at()));
                s.setString(3, site.areaPath());
                s.setString(4, data.toString());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            LOG.warnf("Coverage: cannot write %d site events: %s", flips.size(), e.getMessage());
        }
    }

    static String lastCode(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }

    /** Runs a read on the book's thread; null when the book is not built yet. */
    <T> T read(java.util.function.Function<CoverageBook, T> query) {
        CoverageBook b = book;
        if (b == null) {
            return null;
        }
        Future<T> f = thread.submit((Callable<T>) () -> query.apply(book));
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("coverage read failed: " + e.getMessage(), e);
        }
    }

    Instant builtAt() {
        return builtAt;
    }

    boolean ready() {
        return book != null;
    }
}
