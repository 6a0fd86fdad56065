package city.vigil.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What alerting systems can subscribe to (DESIGN §3), by their wire names. */
public enum EventType {
    CAMERA_OFFLINE("camera.offline"),
    CAMERA_ONLINE("camera.online"),
    CAMERA_DEGRADED("camera.degraded"),
    CAMERA_FLAPPING("camera.flapping"),
    AREA_OUTAGE("area.outage"),
    AREA_RECOVERED("area.recovered"),
    AREA_ONLINE_RATE_BELOW("area.online_rate_below"),
    SITE_UNCOVERED("site.uncovered"),
    SITE_COVERED("site.covered"),
    CHECKPOINT_OFFLINE("checkpoint.offline"),
    CHECKPOINT_STALE("checkpoint.stale"),
    MONITOR_PROBER_SUSPECT("monitor.prober_suspect"),
    /** Sent only by "test-send", to the one subscription asked: never subscribed to. */
    WEBHOOK_TEST("webhook.test", false);

    public final String wire;
    /** Whether a subscription may name it (every type but webhook.test, which only test-send sends). */
    public final boolean subscribable;

    EventType(String wire) {
        this(wire, true);
    }

    EventType(String wire, boolean subscribable) {
        this.wire = wire;
        this.subscribable = subscribable;
    }

    /** The types a subscription may name; {@code ["*"]} (or none) means all of them. */
    public static java.util.List<EventType> subscribable() {
        return Arrays.stream(values()).filter(t -> t.subscribable).toList();
    }

    public static java.util.List<String> subscribableNames() {
        return subscribable().stream().map(t -> t.wire).toList();
    }

    public static Optional<EventType> ofWire(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wire.equals(n)).findFirst();
    }
}
