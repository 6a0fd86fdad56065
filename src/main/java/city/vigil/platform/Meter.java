package city.vigil.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Timer;
import java.util.function.ToDoubleFunction;

/**
 * Every meter Vigil publishes: its name ({@code vigil.<feature>.<what>}, Prometheus {@code vigil_<feature>_…}), what it
 * measures and its tag keys. Tag values come from closed sets only (protocol, outcome, state, class, district, fault),
 * never from URLs or messages.
 */
public enum Meter {
    MONITOR_PROBES("vigil.monitor.probes", "Liveness probes by protocol and outcome (up, or the probe cause)", "protocol", "outcome"),
    MONITOR_PROBE_LATENCY("vigil.monitor.probe.latency", "Liveness probe duration", "protocol"),
    MONITOR_SCHEDULE_LAG("vigil.monitor.schedule.lag", "How late probes start after they were due"),
    MONITOR_PROBES_IN_FLIGHT("vigil.monitor.probes.in.flight", "Liveness probes in flight"),
    MONITOR_PROBES_QUEUED("vigil.monitor.probes.queued", "Due probes waiting for a slot (global or per device host)"),
    MONITOR_PROBES_SKIPPED("vigil.monitor.probes.skipped", "Due probes skipped to their next turn because the dispatcher queue was full"),
    MONITOR_CHANNELS("vigil.monitor.channels", "Channels this node monitors"),
    MONITOR_WRITES_PENDING("vigil.monitor.writes.pending",
            "Monitor decisions waiting to be written to PostgreSQL; probing pauses at vigil.monitor.max-pending-writes"),
    MONITOR_PROBER_SUSPECT("vigil.monitor.prober.suspect", "1 while most probes fail at once across districts (the prober's own network)"),
    RATES_CHANNELS("vigil.rates.channels", "Channels by state, point class and district (the rate counters)", "state", "pointClass", "district"),
    OUTAGE_OPEN("vigil.outage.open", "Open outages"),
    DEEP_CHECKS("vigil.deep.checks", "Deep checks by outcome (decoded, or why no frame came) and the fault found (none, or the primary one)",
            "outcome", "fault"),
    DEEP_TIME_TO_FIRST_FRAME("vigil.deep.time.to.first.frame", "Deep check: open to first decoded keyframe"),
    DEEP_IN_FLIGHT("vigil.deep.in.flight", "Deep checks in flight"),
    DEEP_DEVICE_BUSY("vigil.deep.device.busy", "Deep checks put off because the device's sessions were all in use"),
    DEEP_SWEEP_PROGRESS("vigil.deep.sweep.progress", "Share of the current sweeps dispatched (the slower of class 1 and the rest)"),
    WEBHOOK_ATTEMPTS("vigil.webhook.attempts", "Webhook delivery attempts by outcome", "outcome"),
    WEBHOOK_DELIVERY_LATENCY("vigil.webhook.delivery.latency", "Webhook attempt: request to response"),
    PLATFORM_DATABASE_AVAILABLE("vigil.platform.database.available", "1 while PostgreSQL answers the health ping within a second");

    public final String id;
    public final String description;
    /** The tag keys, in the order the builders below expect their values. */
    public final String[] tags;

    Meter(String id, String description, String... tags) {
        this.id = id;
        this.description = description;
        this.tags = tags;
    }

    public Counter.Builder counter(String... tagValues) {
        return Counter.builder(id).description(description).tags(tagPairs(tagValues));
    }

    public Timer.Builder timer(String... tagValues) {
        return Timer.builder(id).description(description).tags(tagPairs(tagValues));
    }

    public <T> Gauge.Builder<T> gauge(T source, ToDoubleFunction<T> value) {
        return Gauge.builder(id, source, value).description(description);
    }

    public <T> FunctionCounter.Builder<T> functionCounter(T source, ToDoubleFunction<T> value) {
        return FunctionCounter.builder(id, source, value).description(description);
    }

    public MultiGauge.Builder multiGauge() {
        return MultiGauge.builder(id).description(description);
    }

    private String[] tagPairs(String[] values) {
        if (values.length != tags.length) {
            throw new IllegalArgumentException(id + " takes tags " + String.join(", ", tags) + ", got " + values.length + " values");
        }
        String[] pairs = new String[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            pairs[2 * i] = tags[i];
            pairs[2 * i + 1] = values[i];
        }
        return pairs;
    }
}
