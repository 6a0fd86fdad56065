package city.vigil.dashboard;

import city.vigil.monitor.MonitorTestProfile;
import java.util.HashMap;
import java.util.Map;

/** The monitor as in MonitorTestProfile; the pages pushed every second, paged five down cameras at a time, nothing kept. */
public class DashboardTestProfile extends MonitorTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("vigil.dashboard.page-size", "5");
        c.put("vigil.dashboard.push-interval", "1s");
        // Tests look at what they just changed: no kept histories or maps.
        c.put("vigil.dashboard.history-ttl", "0s");
        return c;
    }
}
