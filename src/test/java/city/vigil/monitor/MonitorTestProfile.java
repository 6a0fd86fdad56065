package city.vigil.monitor;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The monitor on, fast: every class probed every 2 s, soft failures retried after 1 s, short timeouts. Class 2 probes
 * to FIRST_PACKET depth. The prober guard needs more failures than these tests make.
 */
public class MonitorTestProfile implements QuarkusTestProfile {
    public static final long INTERVAL_MS = 2_000;
    public static final long RETRY_MS = 1_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>();
        c.put("vigil.monitor.enabled", "true");
        for (String pointClass : new String[] {"1", "2", "3", "4", "9"}) {
            c.put("vigil.monitor.class." + pointClass + ".interval", INTERVAL_MS + "ms");
        }
        c.put("vigil.monitor.class.2.depth", "FIRST_PACKET");
        c.put("vigil.monitor.retry-interval", RETRY_MS + "ms");
        c.put("vigil.monitor.class.1.retry-interval", RETRY_MS + "ms");
        c.put("vigil.monitor.connect-timeout", "800ms");
        c.put("vigil.monitor.first-byte-timeout", "800ms");
        c.put("vigil.monitor.total-timeout", "1500ms");
        c.put("vigil.probe.per-host", "16");
        c.put("vigil.monitor.maintenance-refresh", "1s");
        c.put("vigil.monitor.redis-check-interval", "300ms");
        c.put("vigil.monitor.guard.min-probes", "100000");
        c.put("vigil.monitor.redis-prefix", "vigil-test-monitor:");
        c.put("vigil.probe.targets.allowed-cidrs", "127.0.0.0/8");
        return c;
    }
}
