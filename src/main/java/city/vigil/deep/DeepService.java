package city.vigil.deep;

import city.vigil.camera.CameraRecords;
import city.vigil.camera.StreamSecret;
import city.vigil.monitor.MonitorService;
import city.vigil.monitor.StateChanged;
import city.vigil.platform.CredentialCipher;
import city.vigil.platform.Daemons;
import city.vigil.platform.Meter;
import city.vigil.probe.HostSessions;
import city.vigil.probe.ImageFault;
import city.vigil.probe.ProbeCause;
import city.vigil.probe.TargetPolicy;
import city.vigil.status.LinkState;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The deep tier: decodes a frame from every camera on a sweep (class 1 every 15 min, the rest hourly, spread over the
 * interval), at once on suspicion (a channel that came back online), again soon after a failed check; diagnoses it,
 * keeps the diagnosis and snapshot, and tells the monitor (DEGRADED on an image fault, OFFLINE/NO_MEDIA when nothing
 * decodes while liveness says up). Grabs run on a bounded pool of their own, never on an event loop.
 */
@ApplicationScoped
public class DeepService {
    private static final Logger LOG = Logger.getLogger(DeepService.class);

    /** Sweep progress for operators and metrics. */
    public record Progress(boolean enabled, int concurrency, int inFlight, long checked, long failed, Sweep class1, Sweep others) {
    }

    /** {@code joining}: channels registered during the sweep and waiting for their first check. */
    public record Sweep(Duration interval, int channels, int dispatched, int joining, Instant startedAt) {
    }

    private final DeepConfig config;
    private final AgroalDataSource dataSource;
    private final CredentialCipher cipher;
    private final DiagnosisStore store;
    private final DeepStreamChoice streams;
    private final MonitorService monitor;
    private final MeterRegistry meters;
    private final TargetPolicy targets;
    private final HostSessions hostSessions;
    private final Diagnostics diagnostics;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final CheckRuns runs;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Checks put off because the device had no session to spare. */
    private final AtomicLong busy = new AtomicLong();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private DeepGrabber grabber;
    private ThreadPoolExecutor pool;
    private Semaphore slots;
    private ScheduledExecutorService scheduler;
    private SweepPlan class1;
    private SweepPlan others;
    private Timer ttff;
    private volatile boolean stopping;

    DeepService(DeepConfig config, AgroalDataSource dataSource, CredentialCipher cipher, DiagnosisStore store, DeepStreamChoice streams,
                MonitorService monitor, MeterRegistry meters, TargetPolicy targets, HostSessions hostSessions) {
        this.streams = streams;
        this.runs = new CheckRuns(config.retryInterval(), config.failedRecheckCeiling());
        this.targets = targets;
        this.hostSessions = hostSessions;
        this.diagnostics = new Diagnostics(config.thresholds().toThresholds());
        this.config = config;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.store = store;
        this.monitor = monitor;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        int concurrency = config.concurrency().orElse(Runtime.getRuntime().availableProcessors() * 2);
        grabber = new DeepGrabber(config.deadline(), config.frozenWindow(), config.thresholds().toThresholds());
        pool = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vigil-deep");
            t.setDaemon(true);
            return t;
        });
        slots = new Semaphore(concurrency * 2);
        ttff = Meter.DEEP_TIME_TO_FIRST_FRAME.timer().publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(10)).register(meters);
        Meter.DEEP_IN_FLIGHT.gauge(inFlight, AtomicInteger::get).register(meters);
        Meter.DEEP_DEVICE_BUSY.functionCounter(busy, AtomicLong::get).register(meters);
        class1 = new SweepPlan(config.class1Interval(), pc -> pc == 1);
        others = new SweepPlan(config.interval(), pc -> pc != 1);
        Meter.DEEP_SWEEP_PROGRESS.gauge(this, d -> Math.min(d.class1.progress(), d.others.progress())).register(meters);
        // The sweep thread owns the sweep plans (newcomers join on it), so its tick stays on it rather than on @Scheduled.
        scheduler = Daemons.scheduler("vigil-deep-sweep");
        if (config.enabled()) {
            // The liveness tier settles first after a start: decoding is the heavier work and can wait half a minute.
            scheduler.scheduleWithFixedDelay(this::tick, config.startDelay().toMillis(), 1_000, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * A channel that came back online is checked at once (see {@link CheckRuns#checkAtOnce}); one seen for the first
     * time (registered since the sweep began) joins its sweep and is first checked within a minute.
     */
    void stateChanged(@Observes StateChanged change) {
        if (!config.enabled() || scheduler == null) {
            return;
        }
        if (CheckRuns.checkAtOnce(change.from(), change.to())) {
            // Off the status writer's thread: submit waits for a pool slot.
            scheduler.execute(() -> submit(change.gbId()));
        } else if (change.from() == LinkState.UNKNOWN && change.to() != LinkState.UNKNOWN) {
            // The sweep plans are the sweep thread's own: the newcomer joins there.
            scheduler.execute(() -> join(change.gbId(), change.pointClass()));
        }
    }

    /** How many newcomers the pool can check within a minute at about a second each: more wait for the sweep. */
    private void join(String gbId, int pointClass) {
        SweepPlan plan = pointClass == 1 ? class1 : others;
        plan.join(gbId, Instant.now(), FIRST_CHECK_WITHIN, pool.getMaximumPoolSize() * (int) FIRST_CHECK_WITHIN.toSeconds());
    }

    private static final Duration FIRST_CHECK_WITHIN = Duration.ofMinutes(1);

    public Progress progress() {
        return new Progress(config.enabled(), pool == null ? 0 : pool.getMaximumPoolSize(), inFlight.get(), checked.get(), failed.get(),
                class1 == null ? null : class1.view(), others == null ? null : others.view());
    }

    /**
     * Checks one camera now for an API caller: on the deep pool, so its bound holds however many callers there are,
     * while the caller waits (behind at most the sweep's few queued checks).
     */
    public Optional<DiagnosisView> checkNow(String gbId) {
        java.util.concurrent.Future<Optional<DiagnosisView>> result = pool.submit(() -> check(gbId));
        try {
            return result.get(config.deadline().toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            result.cancel(true);
            throw new PoolBusy();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolBusy();
        }
    }

    /** The deep pool did not get to a check-now in time (sweeps of slow cameras hold every slot). */
    public static final class PoolBusy extends RuntimeException {
        PoolBusy() {
            super("every deep check slot is busy; try again shortly");
        }
    }

    /** Checks one camera now, on the caller's thread (a pool thread); the result is stored and reported to the monitor. */
    Optional<DiagnosisView> check(String gbId) {
        Optional<Target> target = target(gbId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Target t = target.get();
        Optional<String> refused = refused(t.url());
        if (refused.isPresent()) {
            // Not a camera fault, and no connection made: recorded so operators see why it has no picture.
            return store.save(new DiagnosisView(gbId, Instant.now(), false, ProbeCause.NOT_ALLOWED.name(), null, List.of(), List.of(),
                    new DiagnosisView.Measures(t.stream(), null, null, null, null, null, null, null, "not checked: " + refused.get()),
                    null, null), null, null);
        }
        String host = hostOf(t.url());
        if (!awaitSession(host)) {
            throw new DeviceBusy(gbId);
        }
        inFlight.incrementAndGet();
        try {
            DeepGrabber.Grab grab = grabber.grab(t.url(), t.user(), t.password());
            Instant now = Instant.now();
            Fingerprint baseline = Fingerprint.fromBytes(t.baseline());
            List<Verdict> verdicts = grab.decoded()
                    ? diagnostics.diagnose(grab.sample(), grab.motion(), new Diagnostics.History(baseline))
                    : diagnostics.signalLoss(grab.detail());
            Set<ImageFault> faults = Diagnostics.faults(verdicts);
            ImageFault primary = Diagnostics.primary(faults);
            // A camera learns its baseline from its first picture without a fault no scene has by nature.
            Fingerprint learned = baseline == null && grab.decoded() && diagnostics.learnable(verdicts) ? Fingerprint.of(grab.sample()) : null;
            DiagnosisView view = new DiagnosisView(gbId, now, grab.decoded(), grab.cause() == null ? null : grab.cause().name(), primary,
                    new ArrayList<>(faults), verdicts, new DiagnosisView.Measures(t.stream(), grab.timeToFirstFrame().toMillis(), grab.codec(),
                    grab.decoded() ? grab.width() : null, grab.decoded() ? grab.height() : null, grab.decoded() ? grab.fps() : null,
                    grab.bitrate(), grab.gop(), grab.detail()), null, null);
            Optional<DiagnosisView> stored = store.save(view, learned, grab.snapshotJpeg());
            if (grab.decoded()) {
                ttff.record(grab.timeToFirstFrame());
            }
            checked.incrementAndGet();
            if (!faults.isEmpty()) {
                failed.incrementAndGet();
            }
            count(grab.decoded() ? "decoded" : grab.cause().name().toLowerCase(java.util.Locale.ROOT),
                    primary == null ? "none" : primary.name().toLowerCase(java.util.Locale.ROOT));
            monitor.deepResult(gbId, !grab.decoded(), grab.decoded() ? primary == null ? null : primary.name() : null);
            Duration recheck = runs.recheckAfter(gbId, !faults.isEmpty());
            if (recheck != null) {
                scheduler.schedule(() -> recheck(gbId), recheck.toMillis(), TimeUnit.MILLISECONDS);
            }
            return stored;
        } finally {
            inFlight.decrementAndGet();
            hostSessions.release(host);
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The camera's host has no session to spare (liveness probes and other grabs hold them all). */
    public static final class DeviceBusy extends RuntimeException {
        DeviceBusy(String gbId) {
            super("every session to the device of " + gbId + " is in use; try again shortly");
        }
    }

    /** Waits up to the grab deadline for a session to the device (liveness probes hold one for well under a second). */
    private boolean awaitSession(String host) {
        long until = System.nanoTime() + config.deadline().toNanos();
        while (!hostSessions.tryAcquire(host)) {
            if (System.nanoTime() >= until || stopping) {
                return false;
            }
            try {
                Thread.sleep(SESSION_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static final long SESSION_POLL_MILLIS = 50;

    /**
     * A re-check outside the sweep, unless the liveness tier has the channel down for a reason of its own: then its
     * recovery triggers a check at once, and decoding a dead stream meanwhile tells nothing new.
     */
    private void recheck(String gbId) {
        Optional<city.vigil.status.ChannelView> channel = monitor.channel(gbId);
        boolean downForLiveness = channel.isPresent() && !channel.get().state().online() && channel.get().cause() != ProbeCause.NO_MEDIA;
        if (!downForLiveness) {
            submit(gbId);
        }
    }

    /** Queues a check on the pool unless one is queued already; waits for a slot (the sweep's backpressure). */
    void submit(String gbId) {
        if (!queued.add(gbId)) {
            return;
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            queued.remove(gbId);
            Thread.currentThread().interrupt();
            return;
        }
        pool.execute(() -> {
            try {
                check(gbId);
            } catch (DeviceBusy e) {
                // Not the camera's fault and nothing to record: its turn comes again after the retry interval.
                busy.incrementAndGet();
                scheduler.schedule(() -> submit(gbId), config.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("Deep check of %s failed: %s", gbId, e.getMessage());
                }
            } finally {
                queued.remove(gbId);
                slots.release();
            }
        });
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            for (SweepPlan plan : List.of(class1, others)) {
                for (String gbId : plan.due(now, () -> monitor.channelIds(plan.classes))) {
                    submit(gbId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Deep sweep tick failed: %s", e.getMessage());
        }
    }

    /** Both tags come from closed sets: "decoded" or a probe cause, "none" or an image fault. */
    private void count(String outcome, String fault) {
        outcomes.computeIfAbsent(outcome + "/" + fault, k -> Meter.DEEP_CHECKS.counter(outcome, fault).register(meters)).increment();
    }

    /** Why the probe policy refuses this URL (scheme, port, or its resolved address), if it does. */
    private Optional<String> refused(String url) {
        TargetPolicy policy = targets;
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() >= 0 ? uri.getPort() : "rtsp".equalsIgnoreCase(uri.getScheme()) ? 554 : 80;
            Optional<String> byUrl = policy.refuseUrl(uri, port);
            return byUrl.isPresent() ? byUrl : policy.refuseAddress(InetAddress.getByName(uri.getHost()), port);
        } catch (IllegalArgumentException | UnknownHostException e) {
            // A name that does not resolve: the grab reports it as the camera's fault (DNS).
            return Optional.empty();
        }
    }

    /** The stream to decode (sub by default, the other as fallback) with its credentials. */
    private record Target(String url, String user, String password, String stream, byte[] baseline) {
    }

    private Optional<Target> target(String gbId) {
        String sql = "SELECT main_url, main_credentials, sub_url, sub_credentials, d.stream, g.baseline FROM camera c "
                + "LEFT JOIN camera_deep_stream d USING (gb_id) LEFT JOIN camera_diagnosis g USING (gb_id) WHERE gb_id = ? AND lifecycle <> 'REMOVED'";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean preferMain = DeepStreamChoice.MAIN.equals(rs.getString(5) != null ? rs.getString(5) : streams.fleetDefault());
                String first = preferMain ? "MAIN" : "SUB";
                String second = preferMain ? "SUB" : "MAIN";
                for (String stream : List.of(first, second)) {
                    String url = rs.getString(stream.equals("MAIN") ? 1 : 3);
                    byte[] credentials = rs.getBytes(stream.equals("MAIN") ? 2 : 4);
                    if (url != null) {
                        StreamSecret secret = StreamSecret.decode(
                                credentials == null ? null : cipher.decrypt(CameraRecords.credentialContext(gbId, stream), credentials));
                        return Optional.of(new Target(secret.withQueryCredentials(url), secret.user(), secret.password(), stream, rs.getBytes(6)));
                    }
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the streams of " + gbId, e);
        }
    }
}
