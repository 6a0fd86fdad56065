package city.vigil.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Prober self-protection (DESIGN §1): when most of one prober's probes fail at once across unrelated districts, the
 * fault is far more likely the prober's own network than a city-wide outage. The prober is then suspect: its
 * results count as UNKNOWN and open no outages, and one alert fires. A failure wave inside one district (a real
 * power cut) does not trip it. Results are kept in one-second buckets over a sliding window, so memory stays small.
 */
public final class ProberGuard {

    /** Thresholds: enter when at least {@code minProbes} probes in the window fail at {@code enterShare} or more across
     * at least {@code minDistricts} districts; leave below {@code leaveShare}. */
    public record Rules(Duration window, int minProbes, double enterShare, double leaveShare, int minDistricts) {
        /** A 30 s window: short enough to trip before soft failures harden (3 failures, 10 s apart). */
        public static Rules defaults() {
            return new Rules(Duration.ofSeconds(30), 50, 0.8, 0.5, 3);
        }
    }

    /** What a call to {@link #evaluate} found. */
    public enum Change { NONE, BECAME_SUSPECT, CLEARED }

    private final Rules rules;
    private final int seconds;
    private final long[] bucketSecond;
    private final Map<String, int[]>[] buckets;
    private boolean suspect;

    @SuppressWarnings("unchecked")
    public ProberGuard(Rules rules) {
        this.rules = rules;
        this.seconds = (int) Math.max(1, rules.window().toSeconds());
        this.bucketSecond = new long[seconds];
        this.buckets = new Map[seconds];
        for (int i = 0; i < seconds; i++) {
            buckets[i] = new HashMap<>();
            bucketSecond[i] = -1;
        }
    }

    /** Counts one probe result of a channel in {@code district}. */
    public synchronized void record(Instant at, String district, boolean up) {
        long second = at.getEpochSecond();
        int i = (int) Math.floorMod(second, (long) seconds);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            buckets[i].clear();
        }
        int[] counts = buckets[i].computeIfAbsent(district, d -> new int[2]);
        counts[0]++;
        if (!up) {
            counts[1]++;
        }
    }

    /** Re-evaluates the window ending at {@code now}; tells when the prober became suspect or was cleared. */
    public synchronized Change evaluate(Instant now) {
        long oldest = now.getEpochSecond() - seconds + 1;
        long total = 0;
        long failed = 0;
        Map<String, int[]> byDistrict = new HashMap<>();
        for (int i = 0; i < seconds; i++) {
            if (bucketSecond[i] < oldest || bucketSecond[i] > now.getEpochSecond()) {
                continue;
            }
            for (Map.Entry<String, int[]> e : buckets[i].entrySet()) {
                total += e.getValue()[0];
                failed += e.getValue()[1];
                int[] d = byDistrict.computeIfAbsent(e.getKey(), k -> new int[2]);
                d[0] += e.getValue()[0];
                d[1] += e.getValue()[1];
            }
        }
        double share = total == 0 ? 0 : failed / (double) total;
        long failingDistricts = byDistrict.values().stream()
                .filter(d -> d[0] > 0 && d[1] / (double) d[0] >= rules.enterShare()).count();
        if (!suspect && total >= rules.minProbes() && share >= rules.enterShare() && failingDistricts >= rules.minDistricts()) {
            suspect = true;
            return Change.BECAME_SUSPECT;
        }
        if (suspect && (share < rules.leaveShare() || total == 0)) {
            suspect = false;
            return Change.CLEARED;
        }
        return Change.NONE;
    }

    public synchronized boolean suspect() {
        return suspect;
    }
}
