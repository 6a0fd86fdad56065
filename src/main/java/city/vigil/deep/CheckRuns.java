package city.vigil.deep;

import city.vigil.status.LinkState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to look at a camera again before its next sweep. While a failure is still soft (under three in a row) and
 * after the first good check of a recovery (two make it): after the retry interval, as the liveness tier retries. A
 * confirmed failure is suspicion of its own (the picture may come back while the stream stays up), so it is looked at
 * again on a doubling back-off up to a ceiling: a broken camera recovers within that ceiling, not within a sweep, and
 * does not turn into a stream of re-checks. Only cameras in such a run are remembered.
 */
final class CheckRuns {
    private static final int HARD = 3;

    /** Consecutive failed checks (positive), or -1 after the first good check that follows them. */
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();
    private final Duration retry;
    private final Duration ceiling;

    CheckRuns(Duration retry, Duration ceiling) {
        this.retry = retry;
        this.ceiling = ceiling;
    }

    /**
     * Whether a liveness change calls for a check at once: a channel that came back online (its picture may not have
     * come back with it). A channel's first state is no recovery: after a start every channel goes from UNKNOWN to
     * ONLINE, and checking them all at once would be a storm the sweeps spread over their interval.
     */
    static boolean checkAtOnce(LinkState from, LinkState to) {
        return to.online() && !from.online() && from != LinkState.UNKNOWN;
    }

    /** How long until the camera is checked again outside the sweep; null when the sweep will do. */
    Duration recheckAfter(String gbId, boolean failed) {
        Integer run = runs.compute(gbId, (id, previous) -> next(previous, failed));
        if (run == null) {
            return null;
        }
        if (run < 0 || run < HARD) {
            return retry;
        }
        int doublings = Math.min(20, run - HARD + 1);
        Duration backOff = retry.multipliedBy(1L << doublings);
        return backOff.compareTo(ceiling) > 0 ? ceiling : backOff;
    }

    private static Integer next(Integer previous, boolean failed) {
        if (failed) {
            return previous == null || previous < 0 ? 1 : previous + 1;
        }
        return previous != null && previous > 0 ? Integer.valueOf(-1) : null;
    }

    int remembered() {
        return runs.size();
    }
}
