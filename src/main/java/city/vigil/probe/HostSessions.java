package city.vigil.probe;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sessions Vigil has open to each device host, liveness probes and deep grabs together, so a camera or an
 * NVR never gets more than {@code perHost} at once whichever tier asks. Thread-safe: the liveness tier takes sessions
 * on its event loop, the deep tier on its pool. Hosts without a session hold no memory.
 */
public final class HostSessions {
    private final int perHost;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    public HostSessions(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1, got " + perHost);
        }
        this.perHost = perHost;
    }

    /** Takes a session for {@code host} if it has one left; false (and nothing taken) when the host is at its limit. */
    public boolean tryAcquire(String host) {
        // Count first, give back on overshoot: no lock and no allocation per call; a racing caller may be refused
        // for a moment, but the limit is never exceeded.
        if (open.merge(host, 1, Integer::sum) <= perHost) {
            return true;
        }
        release(host);
        return false;
    }

    public void release(String host) {
        open.computeIfPresent(host, HostSessions::lessOne);
    }

    /** Sessions open to {@code host} now. */
    public int open(String host) {
        return open.getOrDefault(host, 0);
    }

    public int perHost() {
        return perHost;
    }

    private static Integer lessOne(String host, Integer n) {
        return n <= 1 ? null : n - 1;
    }
}
