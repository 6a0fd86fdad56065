package city.vigil.event;

/**
 * How urgent an event is, 1 (notice) to 3 (critical), for subscriptions' minimum-severity filter. It follows the
 * point class (class 1 key points matter most) and a degraded picture ranks one below a lost stream. A recovery
 * carries its outage's severity, so a subscriber who got the alert also gets its end.
 */
public final class Severity {
    private Severity() {
    }

    public static int of(EventType type, int pointClass) {
        int base = pointClass == 1 ? 3 : pointClass == 2 ? 2 : 1;
        return switch (type) {
            case CAMERA_DEGRADED -> Math.max(1, base - 1);
            default -> base;
        };
    }
}
