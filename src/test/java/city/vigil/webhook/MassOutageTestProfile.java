package city.vigil.webhook;

import java.util.HashMap;
import java.util.Map;

/** A district of 5,000 simulated class-3 cameras: probed every 5 s so the test machine keeps up. */
public class MassOutageTestProfile extends EventsTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("vigil.monitor.class.3.interval", "5s");
        c.put("vigil.probe.per-host", "64");
        c.put("vigil.monitor.redis-prefix", "vigil-test-mass:");
        c.put("vigil.webhooks.mass-outage.update-interval", "2s");
        return c;
    }
}
