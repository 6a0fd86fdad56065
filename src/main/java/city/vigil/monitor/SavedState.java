package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import city.vigil.status.LinkState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What PostgreSQL remembers of the monitor at start-up (restart safety): each channel's last state and cause, when it
 * was last seen up, its image fault, its open availability category, and the open outages (a camera's or a parent
 * device's). A restored channel keeps its state without its run of results: no outage opens or closes until it is
 * probed again.
 */
final class SavedState {
    private final Map<String, ChannelState> states = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Map<String, String> imageFaults = new HashMap<>();
    private final Map<String, TimeCategory> categories = new HashMap<>();
    private final Set<String> openOutages = new HashSet<>();

    private SavedState() {
    }

    static SavedState read(DataSource dataSource) {
        SavedState saved = new SavedState();
        Rows.each(dataSource, "SELECT s.gb_id, s.state, s.since, s.cause, s.last_seen_at, s.image_fault, i.category FROM channel_status s "
                + "LEFT JOIN category_interval i ON i.gb_id = s.gb_id AND i.ended_at IS NULL", rs -> {
            String gbId = rs.getString(1).trim();
            String cause = rs.getString(4);
            saved.states.put(gbId, ChannelState.restored(LinkState.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                    cause == null ? null : ProbeCause.valueOf(cause)));
            if (rs.getTimestamp(5) != null) {
                saved.lastSeen.put(gbId, rs.getTimestamp(5).getTime());
            }
            if (rs.getString(6) != null) {
                saved.imageFaults.put(gbId, rs.getString(6));
            }
            if (rs.getString(7) != null) {
                saved.categories.put(gbId, TimeCategory.valueOf(rs.getString(7)));
            }
        });
        Rows.each(dataSource, "SELECT gb_id FROM outage WHERE ended_at IS NULL", rs -> saved.openOutages.add(rs.getString(1).trim()));
        return saved;
    }

    /** Channels with a remembered state. */
    int size() {
        return states.size();
    }

    /** Puts a registered channel in the book with what is remembered of it (UNKNOWN when nothing is). */
    void restore(ChannelBook book, ChannelSpec spec, Instant now) {
        String gbId = spec.gbId();
        book.restore(spec, states.getOrDefault(gbId, ChannelState.unknown(now)), imageFaults.get(gbId), openOutages.remove(gbId),
                lastSeen.getOrDefault(gbId, 0L), categories.get(gbId), now);
    }

    /** The open outages no registered channel claimed are parent devices' (an NVR, an encoder). */
    void restoreParentOutages(ChannelBook book) {
        openOutages.forEach(book::restoreParentOutage);
    }
}
