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
    /** Sent only by "test-send", to the one subscription asked. */
    WEBHOOK_TEST("webhook.test");

    public final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public static Optional<EventType> ofWire(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wire.equals(n)).findFirst();
    }
}
