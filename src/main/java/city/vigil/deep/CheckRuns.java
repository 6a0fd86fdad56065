package city.vigil.deep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to look at a camera again soon rather than at its next sweep: while a failure is still soft (under three in a
 * row) and after the first good check of a recovery (two make it), as the liveness tier retries. A fault confirmed
 * three times waits for the sweep, so broken cameras do not turn into a stream of re-checks. Only cameras in such a
 * run are remembered.
 */
final class CheckRuns {
    private static final int HARD = 3;

    /** Consecutive failed checks (positive), or -1 after the first good check that follows them. */
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();

    boolean recheckSoon(String gbId, boolean failed) {
        boolean[] soon = new boolean[1];
        runs.compute(gbId, (id, run) -> {
            if (failed) {
                int n = run == null || run < 0 ? 1 : run + 1;
                soon[0] = n < HARD;
                return n;
            }
            if (run != null && run > 0) {
                soon[0] = true;
                return -1;
            }
            return null;
        });
        return soon[0];
    }

    int remembered() {
        return runs.size();
    }
}
