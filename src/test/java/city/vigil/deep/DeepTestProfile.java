package city.vigil.deep;

import city.vigil.monitor.MonitorTestProfile;
import java.util.HashMap;
import java.util.Map;

/** The monitor as in MonitorTestProfile, plus the deep tier sweeping every 4 s and re-checking failures after 1 s. */
public class DeepTestProfile extends MonitorTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("vigil.deep.enabled", "true");
        c.put("vigil.deep.class1-interval", "4s");
        c.put("vigil.deep.interval", "4s");
        c.put("vigil.deep.retry-interval", "1s");
        c.put("vigil.deep.deadline", "5s");
        c.put("vigil.deep.start-delay", "0s");
        c.put("vigil.monitor.redis-prefix", "vigil-test-deep:");
        return c;
    }
}
