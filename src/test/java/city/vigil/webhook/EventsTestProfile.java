package city.vigil.webhook;

import city.vigil.monitor.MonitorTestProfile;
import java.util.Map;

/** Events, webhooks and availability: the monitor on and fast (MonitorTestProfile), webhooks retried after a second or two instead of minutes and hours. */
public class EventsTestProfile extends MonitorTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new java.util.HashMap<>(super.getConfigOverrides());
        c.put("vigil.webhooks.retry-schedule", "1s,1s,1s,1s,1s");
        c.put("vigil.webhooks.poll-interval", "100ms");
        c.put("vigil.webhooks.timeout", "2s");
        c.put("vigil.webhooks.rotation-grace", "1h");
        c.put("vigil.monitor.redis-prefix", "vigil-test-webhooks:");
        // Rate alarms are checked by the tests themselves, on areas of one camera.
        c.put("vigil.rates.alarm.check-interval", "1h");
        c.put("vigil.rates.alarm.min-monitored", "1");
        return c;
    }
}
