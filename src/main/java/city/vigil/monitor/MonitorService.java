package city.vigil.monitor;

import city.vigil.area.AreaMoved;
import city.vigil.camera.CamerasChanged;
import city.vigil.maintenance.MaintenanceChanged;
import city.vigil.maintenance.MaintenanceService;
import city.vigil.platform.CredentialCipher;
import city.vigil.platform.Daemons;
import city.vigil.platform.Meter;
import city.vigil.probe.HostSessions;
import city.vigil.probe.ProbeTimeouts;
import city.vigil.probe.TargetPolicy;
import city.vigil.rates.CountersFilled;
import city.vigil.rates.RateCounts;
import city.vigil.status.ChannelView;
import city.vigil.status.LiveChannels;
import city.vigil.status.StatusStore;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Wires the liveness monitor into the application: picks the status store, restores the last known states at
 * start-up (restart safety), starts the probing loop, and keeps it in step with the registry (change events, a
 * periodic full comparison) and with maintenance windows. The APIs read live status through here.
 */
@ApplicationScoped
public class MonitorService implements LiveChannels {
    private static final Logger LOG = Logger.getLogger(MonitorService.class);
    private static final int RECONCILE_BATCH = 5_000;

    /** What the monitor is doing, for operators ({@code GET /api/v1/monitor}). */
    public record Info(boolean enabled, boolean ready, String statusStore, int channels, int scheduled, int inFlight, int queued,
                       long skipped, int pendingWrites, long storeRebuilds, boolean proberSuspect, Instant suspectSince,
                       long suspectAlerts) {
    }

    private final MonitorConfig config;
    private final AgroalDataSource dataSource;
    private final Vertx vertx;
    private final CredentialCipher cipher;
    private final MeterRegistry meters;
    private final MaintenanceService maintenance;
    private final Event<StateChanged> stateChanged;
    private final Event<CountersFilled> countersFilled;
    private final StatusStore store;
    private final String storeName;
    private final TargetPolicy targets;
    /** Sessions per device host, shared with the deep tier's grabs. */
    private final HostSessions hostSessions;
    private final ClassPolicies policies;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean reconcileWanted = new AtomicBoolean();
    private volatile ChannelBook book;
    private volatile Monitor monitor;
    private volatile StatusWriter writer;
    private volatile ProberSuspectAlarm suspectAlarm;
    private MonitorMetrics metrics;
    /** Start-up and registry changes, off the event loop and the request threads. */
    private ScheduledExecutorService background;
    private ChannelLoader loader;

    MonitorService(MonitorConfig config, AgroalDataSource dataSource, Vertx vertx, CredentialCipher cipher, MeterRegistry meters,
                   MaintenanceService maintenance, StatusStore store, TargetPolicy targets, HostSessions hostSessions,
                   Event<StateChanged> stateChanged, Event<CountersFilled> countersFilled) {
        this.config = config;
        this.dataSource = dataSource;
        this.vertx = vertx;
        this.cipher = cipher;
        this.meters = meters;
        this.maintenance = maintenance;
        this.store = store;
        this.storeName = StatusStoreChoice.name(config);
        this.targets = targets;
        this.hostSessions = hostSessions;
        this.stateChanged = stateChanged;
        this.countersFilled = countersFilled;
        this.policies = new ClassPolicies(config);
    }

    void onStart(@Observes StartupEvent event) {
        metrics = new MonitorMetrics(meters);
        background = Daemons.scheduler("vigil-monitor");
        if (!config.enabled()) {
            LOG.info("Liveness monitor disabled (vigil.monitor.enabled=false): statuses stay as last recorded");
            return;
        }
        background.execute(this::startMonitoring);
    }

    // ---- API -----------------------------------------------------------------------------------------------------

    public boolean ready() {
        return ready.get();
    }

    public StatusStore store() {
        return store;
    }

    @Override
    public Optional<ChannelView> channel(String gbId) {
        ChannelBook b = book;
        Channel c = b == null ? null : b.channel(gbId);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(c.view(b.parentOffline(c.spec.parentGbId()), policies.of(c.spec.pointClass()).rules().failuresToOffline()));
    }

    public Info info() {
        ChannelBook b = book;
        ProbeDispatcher d = monitor == null ? null : monitor.dispatcher();
        return new Info(config.enabled(), ready.get(), storeName, b == null ? 0 : b.size(), b == null ? 0 : b.scheduled(),
                d == null ? 0 : d.inFlight(), d == null ? 0 : d.queued(), d == null ? 0 : d.dropped(),
                writer == null ? 0 : writer.pending(), writer == null ? 0 : writer.rebuilds(), b != null && b.suspect(),
                suspectAlarm == null ? null : suspectAlarm.since(), suspectAlarm == null ? 0 : suspectAlarm.alerts());
    }

    /** True when every decision so far has reached the status store and PostgreSQL (tests, shutdown). */
    public boolean settled() {
        return writer == null || writer.pending() == 0;
    }

    /** Channels in service with a stream, of the point classes asked for (the deep tier's sweep list). */
    public List<String> channelIds(java.util.function.IntPredicate pointClasses) {
        ChannelBook b = book;
        return b == null ? List.of() : b.channelIds(pointClasses);
    }

    /** The deep tier's verdict on a channel: {@code mediaLost} when nothing decoded, else the image fault or null. */
    public void deepResult(String gbId, boolean mediaLost, String imageFault) {
        Monitor m = monitor;
        if (m != null) {
            m.run(now -> book.onDeepResult(gbId, mediaLost, imageFault, now));
        }
    }

    // ---- registry and maintenance changes --------------------------------------------------------------------------

    /** A moved area changed the paths of all its cameras: the whole registry is compared. */
    void areaMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AreaMoved event) {
        camerasChanged(CamerasChanged.many());
    }

    void camerasChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CamerasChanged event) {
        if (!config.enabled() || background == null) {
            return;
        }
        if (!ready.get()) {
            reconcileWanted.set(true);
            return;
        }
        if (event.gbId() == null) {
            background.execute(this::reconcile);
        } else {
            background.execute(() -> {
                Optional<ChannelSpec> spec = loader.load(event.gbId());
                monitor.run(now -> spec.ifPresentOrElse(s -> book.upsert(s, now), () -> book.remove(event.gbId(), now)));
            });
        }
    }

    void maintenanceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MaintenanceChanged event) {
        if (ready.get()) {
            background.execute(this::refreshMaintenance);
        }
    }

    // ---- start-up --------------------------------------------------------------------------------------------------

    private void startMonitoring() {
        try {
            long started = System.nanoTime();
            loader = new ChannelLoader(dataSource, config.stream());
            StatusJournal journal = new StatusJournal(dataSource);
            // Decisions the last run could not write go first: the state restored below then includes them.
            PendingWrites leftovers = PendingWrites.inDataDir();
            leftovers.replay(journal);
            suspectAlarm = new ProberSuspectAlarm(dataSource, background);
            writer = new StatusWriter(store, journal, config.redisCheckInterval().toMillis(), stateChanged,
                    config.maxPendingWrites(), leftovers);
            book = new ChannelBook(policies, new ProberGuard(guardRules()), writer, suspectAlarm);
            book.setRules(maintenance.rules(), clock.instant());
            SavedState saved = SavedState.read(dataSource);
            Instant now = clock.instant();
            long n = loader.loadAll(spec -> saved.restore(book, spec, now));
            saved.restoreParentOutages(book);
            writer.start(book);
            countersFilled.fire(new CountersFilled());
            ChannelProber prober = new ChannelProber(vertx, new ProbeTimeouts(config.connectTimeout(), config.firstByteTimeout(),
                    config.totalTimeout()), targets, cipher, policies);
            monitor = new Monitor(vertx, book, prober, new ProbeDispatcher(config.maxInFlight(), hostSessions, config.maxQueued()),
                    metrics, clock, writer);
            registerGauges();
            monitor.start();
            ready.set(true);
            LOG.infof("Liveness monitor started: %d channels (%d with a restored state), status store %s, in %d ms", n, saved.size(),
                    storeName, (System.nanoTime() - started) / 1_000_000);
            if (reconcileWanted.getAndSet(false)) {
                reconcile();
            }
        } catch (RuntimeException | java.io.IOException | SQLException e) {
            LOG.errorf(e, "Liveness monitor failed to start; the registry and APIs keep working without live status");
        }
    }

    // ---- periodic work ------------------------------------------------------------------------------------------------

    /**
     * Compares the whole registry with what is monitored, in batches handed to the event loop. One at a time: a
     * registry change asks for one too, and two interleaved comparisons would each take the other's channels for gone.
     */
    @Scheduled(every = "${vigil.monitor.reconcile-interval}", delayed = "${vigil.monitor.reconcile-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reconcile() {
        if (!ready.get()) {
            return;
        }
        try {
            long started = System.nanoTime();
            monitor.runAndWait(now -> book.beginReconcile());
            List<ChannelSpec> batch = new ArrayList<>(RECONCILE_BATCH);
            long n = loader.loadAll(spec -> {
                batch.add(spec);
                if (batch.size() == RECONCILE_BATCH) {
                    List<ChannelSpec> copy = List.copyOf(batch);
                    batch.clear();
                    monitor.runAndWait(now -> book.reconcileBatch(copy, now));
                }
            });
            List<ChannelSpec> rest = List.copyOf(batch);
            int[] removed = new int[1];
            monitor.runAndWait(now -> {
                book.reconcileBatch(rest, now);
                removed[0] = book.endReconcile(now);
            });
            LOG.debugf("Registry compared: %d cameras, %d no longer registered, %d ms", n, removed[0], (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("Registry comparison failed, next try in %s: %s", config.reconcileInterval(), e.getMessage());
        }
    }

    @Scheduled(every = "${vigil.monitor.maintenance-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshMaintenance() {
        if (!ready.get()) {
            return;
        }
        try {
            var rules = maintenance.rules();
            monitor.run(now -> book.setRules(rules, now));
        } catch (RuntimeException e) {
            LOG.warnf("Maintenance windows could not be read: %s", e.getMessage());
        }
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshGauges() {
        if (!ready.get()) {
            return;
        }
        try {
            List<String> districts = new ArrayList<>();
            Rows.each(dataSource, "SELECT code FROM area WHERE level = 'DISTRICT' ORDER BY code", rs -> districts.add(rs.getString(1)));
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (String district : districts) {
                for (int pointClass : new int[] {1, 2, 3, 4, 9}) {
                    RateCounts c = store.counts(district, pointClass);
                    if (c.total() == 0) {
                        continue;
                    }
                    rows.add(MonitorMetrics.row("ONLINE", pointClass, district, c.online()));
                    rows.add(MonitorMetrics.row("DEGRADED", pointClass, district, c.degraded()));
                    rows.add(MonitorMetrics.row("OFFLINE", pointClass, district, c.offline()));
                    rows.add(MonitorMetrics.row("UNREACHABLE", pointClass, district, c.unreachable()));
                    rows.add(MonitorMetrics.row("UNKNOWN", pointClass, district, c.unknown()));
                    rows.add(MonitorMetrics.row("MAINTENANCE", pointClass, district, c.maintenance()));
                    rows.add(MonitorMetrics.row("OUT_OF_SERVICE", pointClass, district, c.outOfService()));
                }
            }
            metrics.channels(rows);
            long[] open = new long[1];
            Rows.each(dataSource, "SELECT count(*) FROM outage WHERE ended_at IS NULL", rs -> open[0] = rs.getLong(1));
            metrics.openOutages(open[0]);
        } catch (RuntimeException e) {
            LOG.debugf("Monitor gauges not refreshed: %s", e.getMessage());
        }
    }

    private void registerGauges() {
        ProbeDispatcher d = monitor.dispatcher();
        Meter.MONITOR_PROBES_IN_FLIGHT.gauge(d, ProbeDispatcher::inFlight).register(meters);
        Meter.MONITOR_PROBES_QUEUED.gauge(d, ProbeDispatcher::queued).register(meters);
        Meter.MONITOR_PROBES_SKIPPED.functionCounter(d, ProbeDispatcher::dropped).register(meters);
        Meter.MONITOR_CHANNELS.gauge(book, ChannelBook::size).register(meters);
        Meter.MONITOR_WRITES_PENDING.gauge(writer, StatusWriter::pending).register(meters);
        Meter.MONITOR_PROBER_SUSPECT.gauge(suspectAlarm, a -> a.since() == null ? 0 : 1).register(meters);
    }

    private ProberGuard.Rules guardRules() {
        MonitorConfig.Guard g = config.guard();
        return new ProberGuard.Rules(g.window(), g.minProbes(), g.enterShare(), g.leaveShare(), g.minDistricts());
    }

    void onStop(@Observes ShutdownEvent event) {
        ready.set(false);
        if (background != null) {
            background.shutdownNow();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (writer != null) {
            writer.close();
        }
    }
}
