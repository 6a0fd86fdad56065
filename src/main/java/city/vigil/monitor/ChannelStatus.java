package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import java.time.Instant;

/**
 * The live status of one channel as the status store keeps it: where it counts (area path, point class), its state,
 * and whether it is monitored at all (lifecycle IN_USE and not in a maintenance window).
 */
public record ChannelStatus(String gbId, String areaPath, int pointClass, LinkState state, boolean flapping,
                            boolean monitored, Instant since, ProbeCause cause) {

    /** The rate bucket this status counts in. */
    Bucket bucket() {
        if (!monitored) {
            return Bucket.EXCLUDED;
        }
        return switch (state) {
            case ONLINE -> Bucket.ONLINE;
            case DEGRADED -> Bucket.DEGRADED;
            case OFFLINE -> Bucket.OFFLINE;
            case UNREACHABLE -> Bucket.UNREACHABLE;
            case UNKNOWN -> Bucket.UNKNOWN;
        };
    }

    /** Counter buckets: every channel is in exactly one. */
    enum Bucket { ONLINE, DEGRADED, OFFLINE, UNREACHABLE, UNKNOWN, EXCLUDED }
}
