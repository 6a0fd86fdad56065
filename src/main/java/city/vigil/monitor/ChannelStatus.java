package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import java.time.Instant;

/**
 * The live status of one channel as the status store keeps it: where it counts (area path, point class, maintainer
 * unit), its state, and whether it counts at all: out of service (lifecycle REPAIR/REMOVED) and in maintenance are
 * counted apart from the monitored channels.
 */
public record ChannelStatus(String gbId, String areaPath, int pointClass, String maintainer, LinkState state, boolean flapping,
                            boolean inService, boolean inMaintenance, Instant since, ProbeCause cause) {

    /** The rate bucket this status counts in. */
    Bucket bucket() {
        if (!inService) {
            return Bucket.OUT_OF_SERVICE;
        }
        if (inMaintenance) {
            return Bucket.MAINTENANCE;
        }
        return switch (state) {
            case ONLINE -> Bucket.ONLINE;
            case DEGRADED -> Bucket.DEGRADED;
            case OFFLINE -> Bucket.OFFLINE;
            case UNREACHABLE -> Bucket.UNREACHABLE;
            case UNKNOWN -> Bucket.UNKNOWN;
        };
    }

    /** Whether the channel counts in the online rate's denominator (DESIGN §1). */
    public boolean monitored() {
        return inService && !inMaintenance && state != LinkState.UNKNOWN;
    }

    /** Counter buckets: every channel is in exactly one. */
    enum Bucket { ONLINE, DEGRADED, OFFLINE, UNREACHABLE, UNKNOWN, MAINTENANCE, OUT_OF_SERVICE }
}
