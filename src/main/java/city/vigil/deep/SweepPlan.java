package city.vigil.deep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * One sweep over a set of channels, spread evenly over its interval: each channel has a fixed offset derived from its
 * ID, so checks never come in bursts and a camera is checked at the same point of every sweep. A new sweep starts
 * when the interval is over, with the channels registered by then. A channel registered during a sweep
 * ({@link #join}) gets its first check soon, spread over a short window, and is in every sweep after. Used from one
 * thread.
 */
final class SweepPlan {
    final IntPredicate classes;
    private final Duration interval;
    private List<String> order = List.of();
    private Instant startedAt;
    private int next;
    /** Channels that joined during the sweep, by when their first check is due. */
    private final java.util.PriorityQueue<Joined> joined = new java.util.PriorityQueue<>(Comparator.comparingLong(Joined::dueMillis));

    private record Joined(long dueMillis, String gbId) {
    }

    SweepPlan(Duration interval, IntPredicate classes) {
        this.interval = interval;
        this.classes = classes;
    }

    /** The channels whose turn has come since the last call. */
    List<String> due(Instant now, Supplier<List<String>> channels) {
        List<String> due = new ArrayList<>();
        if (startedAt == null || !now.isBefore(startedAt.plus(interval))) {
            // Channels whose offset fell after the sweep's last call are due before the next sweep begins: dropping them
            // would leave the cameras at the end of every sweep unchecked for ever.
            while (next < order.size()) {
                due.add(order.get(next++));
            }
            order = new ArrayList<>(channels.get());
            order.sort(Comparator.comparingLong(this::offsetMillis));
            startedAt = now;
            next = 0;
        }
        while (!joined.isEmpty() && joined.peek().dueMillis() <= now.toEpochMilli()) {
            due.add(joined.poll().gbId());
        }
        long elapsed = Duration.between(startedAt, now).toMillis();
        while (next < order.size() && offsetMillis(order.get(next)) <= elapsed) {
            due.add(order.get(next++));
        }
        return due;
    }

    /**
     * A channel seen for the first time (its first liveness result) while this sweep runs: first checked within
     * {@code soon}, spread by its ID, unless {@code capacity} newcomers already wait (a large import), when those the
     * sweep already holds wait for their turn and the rest are spread over the interval. Before the first sweep it
     * does nothing: that sweep takes every channel registered by then.
     */
    void join(String gbId, Instant now, Duration soon, int capacity) {
        if (startedAt == null) {
            return;
        }
        boolean crowded = joined.size() >= capacity;
        if (crowded && holds(gbId)) {
            return;
        }
        long window = (crowded ? interval : soon).toMillis();
        joined.add(new Joined(now.toEpochMilli() + Math.floorMod(spread(gbId), window), gbId));
    }

    /** Whether this sweep's order has the channel (binary search on the offsets it is sorted by). */
    private boolean holds(String gbId) {
        long offset = offsetMillis(gbId);
        int lo = 0;
        int hi = order.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long o = offsetMillis(order.get(mid));
            if (o < offset) {
                lo = mid + 1;
            } else if (o > offset) {
                hi = mid - 1;
            } else {
                for (int i = mid; i >= 0 && offsetMillis(order.get(i)) == offset; i--) {
                    if (order.get(i).equals(gbId)) {
                        return true;
                    }
                }
                for (int i = mid + 1; i < order.size() && offsetMillis(order.get(i)) == offset; i++) {
                    if (order.get(i).equals(gbId)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    double progress() {
        return order.isEmpty() ? 1 : next / (double) order.size();
    }

    DeepService.Sweep view() {
        return new DeepService.Sweep(interval, order.size(), next, joined.size(), startedAt);
    }

    private long offsetMillis(String gbId) {
        return Math.floorMod(spread(gbId), interval.toMillis());
    }

    private static long spread(String gbId) {
        long h = gbId.hashCode() * 0xC2B2AE3D27D4EB4FL;
        return h ^ (h >>> 31);
    }
}
