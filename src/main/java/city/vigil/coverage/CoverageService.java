package city.vigil.coverage;

import city.vigil.area.AreaMoved;
import city.vigil.camera.CamerasChanged;
import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import city.vigil.monitor.MonitorService;
import city.vigil.monitor.StateChanged;
import city.vigil.platform.Daemons;
import city.vigil.status.ChannelView;
import city.vigil.status.LinkState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final boolean enabled;
    /** The book's own thread: every read and change of the book runs on it. */
    private final ScheduledExecutorService thread = Daemons.scheduler("vigil-coverage");
    private volatile CoverageBook book;
    private volatile Instant builtAt;

    CoverageService(AgroalDataSource dataSource, MonitorService monitor, CoverageConfig config) {
        this.loader = new CoverageLoader(dataSource);
        this.dataSource = dataSource;
        this.monitor = monitor;
        this.enabled = config.enabled();
    }

    /** The full rebuild, on the book's own thread (the book is confined to it). */
    @Scheduled(every = "${vigil.coverage.rebuild-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rebuildPeriodically() throws InterruptedException, ExecutionException {
        if (enabled) {
            thread.submit(this::rebuildWhenReady).get();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
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
        if (book == null) {
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

    /** A moved area moved every camera and site in it: rebuild. */
    void areaMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AreaMoved event) {
        camerasChanged(CamerasChanged.many());
    }

    /** A camera was added, moved or removed: place it again (many at once: rebuild). */
    void camerasChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CamerasChanged change) {
        if (book == null) {
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
        if (!enabled || !rebuildPending.compareAndSet(false, true)) {
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (CoverageBook.Flip f : flips) {
                SiteSpec site = f.site().spec;
                List<OutboxEvent.SiteCamera> cameras = new ArrayList<>();
                for (CoverageBook.Cam cam : f.site().seenBy) {
                    cameras.add(new OutboxEvent.SiteCamera(cam.gbId, cam.pointClass, cam.state.name(), cam.since, cam.cause));
                }
                Outbox.append(c, OutboxEvent.siteCoverage(site.code(), site.name(), site.category(), site.areaPath(), f.covered(), f.site().good,
                        site.minOnline(), site.maxPointClass(), cameras, f.at()));
            }
            c.commit();
        } catch (SQLException e) {
            LOG.warnf("Coverage: cannot write %d site events: %s", flips.size(), e.getMessage());
        }
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
