package city.vigil.status;

import city.vigil.probe.ProbeCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live status of one channel as the status store keeps it: where it counts (area path, point class, maintainer
 * unit), its state, whether it counts at all (out of service — lifecycle REPAIR/REMOVED — and in maintenance are
 * counted apart from the monitored channels), the two registry facts the rates report beside the online rate
 * (networked, record complete), and whether it is intact: ONLINE with a picture that passed its newest deep check.
 */
public record ChannelStatus(String gbId, String areaPath, int pointClass, String maintainer, String owner, LinkState state, boolean flapping,
                            boolean inService, boolean inMaintenance, boolean networked, boolean complete, boolean intact,
                            Instant since, ProbeCause cause) {

    /** The rate bucket this status counts in. */
    public Bucket bucket() {
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

    /** Every counter this status adds one to: its bucket and, in service, IN_USE with NETWORKED and COMPLETE when true. */
    List<Counter> counters() {
        List<Counter> counters = new ArrayList<>(4);
        Bucket bucket = bucket();
        counters.add(Counter.valueOf(bucket.name()));
        if (bucket == Bucket.ONLINE && intact) {
            counters.add(Counter.INTACT);
        }
        if (inService) {
            counters.add(Counter.IN_USE);
            if (networked) {
                counters.add(Counter.NETWORKED);
            }
            if (complete) {
                counters.add(Counter.COMPLETE);
            }
        }
        return counters;
    }

    /** Whether the channel counts in the online rate's denominator (DESIGN §1). */
    public boolean monitored() {
        return inService && !inMaintenance && state != LinkState.UNKNOWN;
    }

    /** Counter buckets: every channel is in exactly one. */
    public enum Bucket { ONLINE, DEGRADED, OFFLINE, UNREACHABLE, UNKNOWN, MAINTENANCE, OUT_OF_SERVICE }

    /** What a group counts: the buckets, then registry facts over the channels in use. */
    enum Counter { ONLINE, DEGRADED, OFFLINE, UNREACHABLE, UNKNOWN, MAINTENANCE, OUT_OF_SERVICE, IN_USE, NETWORKED, COMPLETE, INTACT }
}
