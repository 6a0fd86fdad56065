package city.vigil.monitor;

/**
 * How a channel's time counts for availability (DESIGN §1): up (ONLINE or DEGRADED: the stream is there), down
 * (OFFLINE or UNREACHABLE), and three kinds of time outside the denominator, each reported in its own column.
 */
public enum TimeCategory {
    UP, DOWN, MAINTENANCE, UNKNOWN,
    /** Out of service in the registry (REPAIR, REMOVED …) or gone from it. */
    REMOVED;

    static TimeCategory of(Channel c) {
        if (c.removed || !c.spec.inService()) {
            return REMOVED;
        }
        if (c.inMaintenance) {
            return MAINTENANCE;
        }
        return switch (c.state.state()) {
            case ONLINE, DEGRADED -> UP;
            case OFFLINE, UNREACHABLE -> DOWN;
            default -> UNKNOWN;
        };
    }
}
