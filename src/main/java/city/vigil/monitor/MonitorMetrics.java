package city.vigil.monitor;

import city.vigil.platform.Meter;
import city.vigil.probe.ProbeCause;
import city.vigil.probe.ProbeResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitor's meters (Prometheus at /q/metrics): probes by protocol × outcome, probe latency and schedule lag as
 * histograms, and, refreshed every few seconds from the status store, channels by state × class × district and open
 * outages. Probe meters are created once per protocol × outcome and cached in arrays: the probe path builds no keys.
 */
final class MonitorMetrics {
    private final MeterRegistry registry;
    /** Per protocol: the "up" counter at 0, then one per cause by ordinal + 1 — no string built per probe. */
    private final Map<String, Counter[]> probes = new HashMap<>();
    private final Map<String, Timer> latency = new HashMap<>();
    private final Timer lag;
    private final MultiGauge channels;
    private final AtomicLong openOutages = new AtomicLong();

    MonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Meter.MONITOR_SCHEDULE_LAG.timer().publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(2)).register(registry);
        this.channels = Meter.RATES_CHANNELS.multiGauge().register(registry);
        Meter.OUTAGE_OPEN.gauge(openOutages, AtomicLong::get).register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Called on the monitor's event loop only. */
    void probe(String protocol, ProbeResult result) {
        Counter[] byOutcome = probes.computeIfAbsent(protocol, p -> new Counter[ProbeCause.values().length + 1]);
        int i = result.up() ? 0 : result.cause().ordinal() + 1;
        if (byOutcome[i] == null) {
            String outcome = result.up() ? "up" : result.cause().name().toLowerCase();
            byOutcome[i] = Meter.MONITOR_PROBES.counter(protocol, outcome).register(registry);
        }
        byOutcome[i].increment();
        latency.computeIfAbsent(protocol, p -> Meter.MONITOR_PROBE_LATENCY.timer(p).publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(10)).register(registry))
                .record(result.latency().toNanos(), TimeUnit.NANOSECONDS);
    }

    void lag(long millis) {
        lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** One row per (state, class, district) with channels in it. */
    void channels(List<MultiGauge.Row<?>> rows) {
        channels.register(rows, true);
    }

    static MultiGauge.Row<?> row(String state, int pointClass, String district, long count) {
        return MultiGauge.Row.of(Tags.of("state", state, "pointClass", Integer.toString(pointClass), "district", district), count);
    }

    void openOutages(long n) {
        openOutages.set(n);
    }
}
