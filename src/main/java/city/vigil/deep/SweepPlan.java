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
 * when the interval is over, with the channels registered by then. Used from one thread.
 */
final class SweepPlan {
    final IntPredicate classes;
    private final Duration interval;
    private List<String> order = List.of();
    private Instant startedAt;
    private int next;

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
        long elapsed = Duration.between(startedAt, now).toMillis();
        while (next < order.size() && offsetMillis(order.get(next)) <= elapsed) {
            due.add(order.get(next++));
        }
        return due;
    }

    double progress() {
        return order.isEmpty() ? 1 : next / (double) order.size();
    }

    DeepService.Sweep view() {
        return new DeepService.Sweep(interval, order.size(), next, startedAt);
    }

    private long offsetMillis(String gbId) {
        long h = gbId.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return Math.floorMod(h, interval.toMillis());
    }
}
