package city.vigil.checkpoint;

import city.vigil.status.LinkState;
import java.time.Instant;
import java.util.List;

/**
 * Checkpoint rates for an area over the last {@code hours} (domain-reference §2.2): activity (checkpoints with
 * heartbeats ÷ checkpoints), upload timeliness and clock accuracy (checkpoints whose sampled records are timely /
 * accurate at the configured share ÷ checkpoints with sampled records), and states from the lanes right now.
 */
public record CheckpointRates(String area, String groupBy, int hours, Instant at, Row total, List<Row> groups) {

    public record Row(String key, String name, long checkpoints, long online, long degraded, long offline, long unknown, long stale,
                      long active, Double activeRate, long withRecords, long timely, Double timelinessRate, long clockAccurate,
                      Double clockAccuracyRate) {
    }

    /** Adds checkpoints up into one row. */
    static final class Tally {
        private final String key;
        private final String name;
        private long checkpoints;
        private long online;
        private long degraded;
        private long offline;
        private long unknown;
        private long stale;
        private long active;
        private long withRecords;
        private long timely;
        private long accurate;

        Tally(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void add(LinkState state, boolean isStale, boolean isActive, long records, long timelyRecords, long accurateRecords, double share) {
            checkpoints++;
            switch (state) {
                case ONLINE -> online++;
                case DEGRADED -> degraded++;
                case OFFLINE, UNREACHABLE -> offline++;
                case UNKNOWN -> unknown++;
            }
            stale += isStale ? 1 : 0;
            active += isActive ? 1 : 0;
            if (records > 0) {
                withRecords++;
                timely += timelyRecords >= share * records ? 1 : 0;
                accurate += accurateRecords >= share * records ? 1 : 0;
            }
        }

        Row row() {
            return new Row(key, name, checkpoints, online, degraded, offline, unknown, stale, active, ratio(active, checkpoints), withRecords,
                    timely, ratio(timely, withRecords), accurate, ratio(accurate, withRecords));
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : part / (double) whole;
        }
    }
}
