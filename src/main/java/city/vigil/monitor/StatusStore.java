package city.vigil.monitor;

import java.util.Optional;

/**
 * Live channel status and the rate counters derived from it, kept together so that every state change moves its
 * channel between counters in the same step: the online rate of any area level is a lookup, not a scan. In-process
 * on the embedded default; Redis when replicas share the work. Always rebuildable from PostgreSQL.
 */
public interface StatusStore {

    Optional<ChannelStatus> get(String gbId);

    /** Stores a channel's status and moves it between counters. */
    void put(ChannelStatus status);

    /** Forgets a channel (removed from the registry) and takes it out of the counters. */
    void remove(String gbId);

    /** Counts for an area (any level; null for everything) and a point class (null for all). */
    RateCounts counts(String areaCode, Integer pointClass);

    long size();
}
