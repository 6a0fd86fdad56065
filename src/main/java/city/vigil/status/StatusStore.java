package city.vigil.status;

import city.vigil.rates.RateCounters;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live channel status and the rate counters derived from it, kept together so that every state change moves its
 * channel between counters in the same step: the online rate of any area level is a lookup, not a scan. In-process
 * on the embedded default; Redis when replicas share the work. Always rebuildable from the monitor's own state.
 */
public interface StatusStore extends RateCounters {

    Optional<ChannelStatus> get(String gbId);

    /** Statuses of several channels at once (one round trip where the store is remote); absent ones are left out. */
    default Map<String, ChannelStatus> getAll(Collection<String> gbIds) {
        Map<String, ChannelStatus> found = new HashMap<>();
        for (String id : gbIds) {
            get(id).ifPresent(s -> found.put(id, s));
        }
        return found;
    }

    /** Stores a channel's status and moves it between counters. */
    void put(ChannelStatus status);

    /** Forgets a channel (removed from the registry) and takes it out of the counters. */
    void remove(String gbId);

    /** One change for {@link #apply}: a channel's new status, or its removal when {@code status} is null. */
    record Change(String gbId, ChannelStatus status) {
        public static Change put(ChannelStatus status) {
            return new Change(status.gbId(), status);
        }

        public static Change removal(String gbId) {
            return new Change(gbId, null);
        }
    }

    /**
     * Applies changes in their order, as {@link #put} and {@link #remove} would. A remote store does it in a few round
     * trips for the whole list: a district going dark is thousands of changes at once.
     */
    default void apply(List<Change> changes) {
        for (Change c : changes) {
            if (c.status() == null) {
                remove(c.gbId());
            } else {
                put(c.status());
            }
        }
    }

    long size();

    /** Replaces everything with these statuses and counters derived from them (start-up, and after a loss). */
    void replaceAll(Collection<ChannelStatus> statuses);

    /** False when the store lost its content since the last {@link #replaceAll} (a flushed or restarted Redis). */
    boolean intact();
}
