package city.vigil.monitor;

import city.vigil.camera.CamerasChanged;
import city.vigil.maintenance.MaintenanceChanged;
import city.vigil.maintenance.MaintenanceService;
import city.vigil.platform.CredentialCipher;
import city.vigil.platform.Daemons;
import city.vigil.platform.EmbeddedDatabase;
import city.vigil.platform.RedisKeys;
import city.vigil.probe.HostSessions;
import city.vigil.probe.ProbeCause;
import city.vigil.probe.ProbeDepth;
import city.vigil.probe.ProbeTimeouts;
import city.vigil.probe.TargetPolicy;
import city.vigil.sim.DemoConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Wires the liveness monitor into the application: picks the status store, restores the last known states at
 * start-up (restart safety), starts the probing loop, and keeps it in step with the registry (change events, a
 * periodic full comparison) and with maintenance windows. The APIs read live status through here.
 */
@ApplicationScoped
public class MonitorService {
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
    private final Instance<RedisDataSource> redis;
    private final DemoConfig demo;
    private final Event<StateChanged> stateChanged;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean reconcileWanted = new AtomicBoolean();
    private final AtomicLong suspectAlerts = new AtomicLong();
    private volatile Instant suspectSince;
    private StatusStore store;
    private String storeName;
    // Set once by the start-up thread, read by request threads.
    private volatile TargetPolicy policy;
    /** Sessions per device host, shared by the liveness probes and the deep tier's grabs. */
    private final HostSessions hostSessions;
    private static final int DEMO_PER_HOST = 64;
    private volatile ChannelBook book;
    private volatile Monitor monitor;
    private volatile StatusWriter writer;
    private MonitorMetrics metrics;
    private ScheduledExecutorService background;
    private ChannelLoader loader;
    private final Map<Integer, ChannelBook.ClassPolicy> policies = new ConcurrentHashMap<>();

    MonitorService(MonitorConfig config, AgroalDataSource dataSource, Vertx vertx, CredentialCipher cipher, MeterRegistry meters,
                   MaintenanceService maintenance, Instance<RedisDataSource> redis, DemoConfig demo, Event<StateChanged> stateChanged) {
        this.stateChanged = stateChanged;
        this.config = config;
        this.dataSource = dataSource;
        this.vertx = vertx;
        this.cipher = cipher;
        this.meters = meters;
        this.maintenance = maintenance;
        this.redis = redis;
        this.demo = demo;
        // The demo's simulated cameras all share one loopback host, which stands for a whole fleet, not one device.
        this.hostSessions = new HostSessions(demo.enabled() && EmbeddedDatabase.active() ? Math.max(config.perHost(), DEMO_PER_HOST) : config.perHost());
    }

    void onStart(@Observes StartupEvent event) {
        boolean allowLoopback = config.targets().allowLoopback() || demo.enabled() && EmbeddedDatabase.active();
        policy = new TargetPolicy(config.targets().allowedCidrs().orElse(List.of()), allowLoopback,
                new HashSet<>(config.targets().allowedPorts().orElse(List.of())));
        store = chooseStore();
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

    /** Where probes of either tier may go (DESIGN §4). */
    public TargetPolicy targetPolicy() {
        return policy;
    }

    /** The per-host session budget; the deep tier takes its sessions from it too. */
    public HostSessions hostSessions() {
        return hostSessions;
    }

    /** The live view of one channel, when this node monitors it. */
    public Optional<ChannelView> channel(String gbId) {
        ChannelBook b = book;
        Channel c = b == null ? null : b.channel(gbId);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(ChannelView.of(c, b.parentOffline(c.spec.parentGbId()), policy(c.spec.pointClass()).rules().failuresToOffline()));
    }

    public Info info() {
        ChannelBook b = book;
        ProbeDispatcher d = monitor == null ? null : monitor.dispatcher();
        return new Info(config.enabled(), ready.get(), storeName, b == null ? 0 : b.size(), b == null ? 0 : b.scheduled(),
                d == null ? 0 : d.inFlight(), d == null ? 0 : d.queued(), d == null ? 0 : d.dropped(),
                writer == null ? 0 : writer.pending(), writer == null ? 0 : writer.rebuilds(), b != null && b.suspect(), suspectSince,
                suspectAlerts.get());
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

    private StatusStore chooseStore() {
        boolean redisConfigured = ConfigProvider.getConfig().getOptionalValue("quarkus.redis.hosts", String.class)
                .filter(h -> !h.isBlank()).isPresent();
        String choice = config.statusStore();
        boolean useRedis = choice.equals("redis") || choice.equals("auto") && redisConfigured;
        if (useRedis) {
            storeName = "redis";
            return new RedisStatusStore(redis.get(), new RedisKeys(config.redisPrefix()));
        }
        storeName = "memory";
        return new InProcessStatusStore();
    }

    private void startMonitoring() {
        try {
            long started = System.nanoTime();
            loader = new ChannelLoader(dataSource, config.stream());
            StatusJournal journal = new StatusJournal(dataSource);
            // Decisions the last run could not write go first: the state restored below then includes them.
            PendingWrites leftovers = PendingWrites.inDataDir();
            leftovers.replay(journal);
            writer = new StatusWriter(store, journal, () -> book.statuses(), config.redisCheckInterval().toMillis(), stateChanged::fire,
                    config.maxPendingWrites(), leftovers);
            book = new ChannelBook(this::policy, new ProberGuard(guardRules()), writer::submit, this::onGuardChange);
            book.setRules(maintenance.rules(), clock.instant());
            Map<String, ChannelState> restored = new HashMap<>();
            Map<String, Long> lastSeen = new HashMap<>();
            Map<String, String> imageFaults = new HashMap<>();
            Map<String, TimeCategory> categories = new HashMap<>();
            loadStatuses(restored, lastSeen, imageFaults, categories);
            Set<String> openOutages = loadOpenOutages();
            Instant now = clock.instant();
            long n = loader.loadAll(spec -> book.restore(spec, restored.getOrDefault(spec.gbId(), ChannelState.unknown(now)),
                    imageFaults.get(spec.gbId()), openOutages.remove(spec.gbId()), lastSeen.getOrDefault(spec.gbId(), 0L),
                    categories.get(spec.gbId()), now));
            openOutages.forEach(book::restoreParentOutage);
            writer.rebuild();
            writer.start();
            ChannelProber prober = new ChannelProber(vertx, new ProbeTimeouts(config.connectTimeout(), config.firstByteTimeout(),
                    config.totalTimeout()), policy, cipher, this::depth);
            monitor = new Monitor(vertx, book, prober, new ProbeDispatcher(config.maxInFlight(), hostSessions, config.maxQueued()),
                    metrics, clock, writer::backedUp);
            registerGauges();
            monitor.start();
            ready.set(true);
            LOG.infof("Liveness monitor started: %d channels (%d with a restored state), status store %s, in %d ms", n, restored.size(),
                    storeName, (System.nanoTime() - started) / 1_000_000);
            long reconcileMs = config.reconcileInterval().toMillis();
            background.scheduleWithFixedDelay(this::reconcile, reconcileMs, reconcileMs, TimeUnit.MILLISECONDS);
            long maintenanceMs = config.maintenanceRefresh().toMillis();
            background.scheduleWithFixedDelay(this::refreshMaintenance, maintenanceMs, maintenanceMs, TimeUnit.MILLISECONDS);
            background.scheduleWithFixedDelay(this::refreshGauges, 0, 15, TimeUnit.SECONDS);
            if (reconcileWanted.getAndSet(false)) {
                reconcile();
            }
        } catch (RuntimeException | java.io.IOException | SQLException e) {
            LOG.errorf(e, "Liveness monitor failed to start; the registry and APIs keep working without live status");
        }
    }

    private void loadStatuses(Map<String, ChannelState> restored, Map<String, Long> lastSeen, Map<String, String> imageFaults,
                              Map<String, TimeCategory> categories) {
        query("SELECT s.gb_id, s.state, s.since, s.cause, s.last_seen_at, s.image_fault, i.category FROM channel_status s "
                + "LEFT JOIN category_interval i ON i.gb_id = s.gb_id AND i.ended_at IS NULL", rs -> {
            String gbId = rs.getString(1).trim();
            String cause = rs.getString(4);
            // Restored without its run of results: no outage opens or closes until it is probed again.
            restored.put(gbId, ChannelState.restored(LinkState.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                    cause == null ? null : ProbeCause.valueOf(cause)));
            if (rs.getTimestamp(5) != null) {
                lastSeen.put(gbId, rs.getTimestamp(5).getTime());
            }
            if (rs.getString(6) != null) {
                imageFaults.put(gbId, rs.getString(6));
            }
            if (rs.getString(7) != null) {
                categories.put(gbId, TimeCategory.valueOf(rs.getString(7)));
            }
        });
    }

    private Set<String> loadOpenOutages() {
        Set<String> open = new HashSet<>();
        query("SELECT gb_id FROM outage WHERE ended_at IS NULL", rs -> open.add(rs.getString(1).trim()));
        return open;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read monitor state: " + sql, e);
        }
    }

    // ---- periodic work (background thread) -------------------------------------------------------------------------

    /** Compares the whole registry with what is monitored, in batches handed to the event loop. */
    private void reconcile() {
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

    private void refreshMaintenance() {
        try {
            var rules = maintenance.rules();
            monitor.run(now -> book.setRules(rules, now));
        } catch (RuntimeException e) {
            LOG.warnf("Maintenance windows could not be read: %s", e.getMessage());
        }
    }

    private void refreshGauges() {
        try {
            List<String> districts = new ArrayList<>();
            query("SELECT code FROM area WHERE level = 'DISTRICT' ORDER BY code", rs -> districts.add(rs.getString(1)));
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
            query("SELECT count(*) FROM outage WHERE ended_at IS NULL", rs -> open[0] = rs.getLong(1));
            metrics.openOutages(open[0]);
        } catch (RuntimeException e) {
            LOG.debugf("Monitor gauges not refreshed: %s", e.getMessage());
        }
    }

    private void registerGauges() {
        ProbeDispatcher d = monitor.dispatcher();
        meters.gauge("vigil.probes.in.flight", d, ProbeDispatcher::inFlight);
        meters.gauge("vigil.probes.queued", d, ProbeDispatcher::queued);
        FunctionCounter.builder("vigil.probes.skipped", d, ProbeDispatcher::dropped)
                .description("Due probes skipped to their next turn because the dispatcher queue was full").register(meters);
        meters.gauge("vigil.monitor.channels", book, ChannelBook::size);
        meters.gauge("vigil.monitor.writes.pending", writer, StatusWriter::pending);
        meters.gauge("vigil.prober.suspect", this, s -> s.suspectSince == null ? 0 : 1);
    }

    // ---- policies -------------------------------------------------------------------------------------------------

    private ChannelBook.ClassPolicy policy(int pointClass) {
        return policies.computeIfAbsent(pointClass, pc -> {
            Optional<MonitorConfig.ClassSettings> s = Optional.ofNullable(config.classes().get(Integer.toString(pc)));
            Duration interval = s.flatMap(MonitorConfig.ClassSettings::interval).orElse(defaultInterval(pc));
            StateRules defaults = StateRules.defaults();
            StateRules rules = new StateRules(s.flatMap(MonitorConfig.ClassSettings::failuresToOffline).orElse(config.failuresToOffline()),
                    s.flatMap(MonitorConfig.ClassSettings::successesToOnline).orElse(config.successesToOnline()),
                    defaults.flapWindow(), defaults.flapEnter(), defaults.flapLeave());
            Duration retry = s.flatMap(MonitorConfig.ClassSettings::retryInterval).orElse(defaultRetry(pc, config.retryInterval()));
            return ChannelBook.ClassPolicy.of(new ProbeTiming(interval, retry), rules);
        });
    }

    /** Class 1 retries a soft failure after 5 s (see {@link #defaultInterval}); the rest after {@code retry-interval}. */
    static Duration defaultRetry(int pointClass, Duration configured) {
        return pointClass == 1 && configured.compareTo(CLASS1_RETRY) > 0 ? CLASS1_RETRY : configured;
    }

    private static final Duration CLASS1_RETRY = Duration.ofSeconds(5);

    private ProbeDepth depth(int pointClass) {
        return Optional.ofNullable(config.classes().get(Integer.toString(pointClass))).flatMap(MonitorConfig.ClassSettings::depth)
                .orElse(config.depth());
    }

    /**
     * DESIGN §1: class 2 every 60 s, the rest every 120 s. Class 1 every 15 s rather than DESIGN's 30 s: with 30 s and
     * two 10 s retries a lost class-1 stream is known 20–50 s later, and its webhook is due within 30 s (p95).
     */
    static Duration defaultInterval(int pointClass) {
        return switch (pointClass) {
            case 1 -> Duration.ofSeconds(15);
            case 2 -> Duration.ofSeconds(60);
            default -> Duration.ofSeconds(120);
        };
    }

    private ProberGuard.Rules guardRules() {
        MonitorConfig.Guard g = config.guard();
        return new ProberGuard.Rules(g.window(), g.minProbes(), g.enterShare(), g.leaveShare(), g.minDistricts());
    }

    private void onGuardChange(ProberGuard.Change change, Instant at) {
        if (change == ProberGuard.Change.BECAME_SUSPECT) {
            suspectSince = at;
            suspectAlerts.incrementAndGet();
            // One alert per episode (the webhook event monitor.prober_suspect builds on this).
            LOG.errorf("ALERT prober_suspect: most probes fail at once across districts; results count as UNKNOWN and no outages open "
                    + "until the prober's own network recovers (since %s)", at);
            background.execute(() -> announceSuspect(at));
        } else if (change == ProberGuard.Change.CLEARED) {
            LOG.infof("Prober no longer suspect (suspect since %s)", suspectSince);
            suspectSince = null;
        }
    }

    /** monitor.prober_suspect into the outbox, for alerting systems (one per episode, as the log line). */
    private void announceSuspect(Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, "
                + "severity, data) VALUES ('monitor.prober_suspect', ?, 3, jsonb_build_object('since', ?::text, 'message', ?))")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, at.toString());
            s.setString(3, "Most probes fail at once across districts: results count as UNKNOWN and no outages open until the prober's own "
                    + "network recovers");
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Cannot write the prober_suspect event: %s", e.getMessage());
        }
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
