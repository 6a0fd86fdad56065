package city.vigil.monitor;

import city.vigil.camera.StreamKind;
import city.vigil.probe.ProbeDepth;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The liveness monitor's settings (DESIGN §1 defaults). Every key is listed in README.md (Configuration). */
@ConfigMapping(prefix = "vigil.monitor")
public interface MonitorConfig {

    /** Probe the registry's channels at all (off for registry-only nodes). */
    @WithDefault("true")
    boolean enabled();

    /** Per point class ("1", "2", "3", "4", "9") overrides of interval, thresholds and depth. */
    @WithName("class")
    Map<String, ClassSettings> classes();

    /** How often a channel is probed, unless its point class says otherwise (application.properties sets classes 1 and 2). */
    @WithDefault("120s")
    Duration interval();

    /** Soft failures are re-probed after this. */
    @WithDefault("10s")
    Duration retryInterval();

    /** Consecutive failures that make a failure hard (OFFLINE). */
    @WithDefault("3")
    int failuresToOffline();

    /** Consecutive successes that bring an OFFLINE channel back. */
    @WithDefault("2")
    int successesToOnline();

    /** DESCRIBE (default) or FIRST_PACKET (SETUP/PLAY and wait for the first RTP packet) for RTSP streams. */
    @WithDefault("DESCRIBE")
    ProbeDepth depth();

    /** Which stream the liveness tier probes; the other one is the fallback when a camera has only one. */
    @WithDefault("MAIN")
    StreamKind stream();

    /** Probes in flight at once, all channels together. */
    @WithDefault("4000")
    int maxInFlight();

    /** Due probes waiting for a slot before new ones are skipped to their next turn (and counted). */
    @WithDefault("200000")
    int maxQueued();

    /**
     * Decisions waiting to be written to PostgreSQL (it is away) before probing pauses: nothing is dropped, the
     * channels keep their last state and are probed again once the backlog is below half of this.
     */
    @WithDefault("200000")
    int maxPendingWrites();

    @WithDefault("3s")
    Duration connectTimeout();

    @WithDefault("3s")
    Duration firstByteTimeout();

    @WithDefault("6s")
    Duration totalTimeout();

    /** How often the whole registry is compared with what is monitored (changes made behind the API's back). */
    @WithDefault("5m")
    Duration reconcileInterval();

    /** How often maintenance windows are re-read and their starts and ends applied. */
    @WithDefault("15s")
    Duration maintenanceRefresh();

    /** memory, redis, or auto (Redis when quarkus.redis.hosts is set). */
    @WithDefault("auto")
    StoreKind statusStore();

    enum StoreKind { MEMORY, REDIS, AUTO }

    /** Key prefix in Redis, so that several Vigils (and tests) can share one server. */
    @WithDefault("vigil:")
    String redisPrefix();

    /** How often Redis is checked for lost state (then rebuilt). */
    @WithDefault("10s")
    Duration redisCheckInterval();

    Guard guard();

    /** Overrides for one point class. */
    interface ClassSettings {
        Optional<Duration> interval();

        /** Re-probe after a soft failure (default: {@code retry-interval}; application.properties sets 5 s for class 1). */
        Optional<Duration> retryInterval();

        Optional<Integer> failuresToOffline();

        Optional<Integer> successesToOnline();

        Optional<ProbeDepth> depth();
    }

    /** Prober self-protection thresholds. */
    interface Guard {
        @WithDefault("30s")
        Duration window();

        @WithDefault("50")
        int minProbes();

        @WithDefault("0.8")
        double enterShare();

        @WithDefault("0.5")
        double leaveShare();

        @WithDefault("3")
        int minDistricts();
    }
}
