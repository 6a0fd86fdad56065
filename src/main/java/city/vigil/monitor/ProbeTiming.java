package city.vigil.monitor;

import java.time.Duration;
import java.time.Instant;

/**
 * When a channel is probed (DESIGN §1): every channel has a fixed phase inside its class interval, derived from its
 * ID, so probes spread evenly with no burst at start-up and a new owner of the channel keeps the same rhythm; soft
 * failures are re-probed at the fast retry interval; a late probe does not cause a catch-up burst.
 */
public final class ProbeTiming {
    private final Duration interval;
    private final Duration retry;

    public ProbeTiming(Duration interval, Duration retry) {
        if (interval.isZero() || interval.isNegative() || retry.isZero() || retry.isNegative()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        this.interval = interval;
        this.retry = retry;
    }

    /** Offset of a channel inside the interval: stable for its ID, spread evenly across IDs. */
    Duration phase(String channelId) {
        long h = channelId.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return Duration.ofMillis(Math.floorMod(h, interval.toMillis()));
    }

    /** The first probe at or after {@code now}, on the channel's phase. */
    public Instant first(String channelId, Instant now) {
        return slotAtOrAfter(channelId, now);
    }

    /**
     * The next probe after one that was due at {@code due} and finished at {@code now}: the retry interval after a
     * soft failure, otherwise the next slot on the channel's rhythm that is still ahead (missed slots are skipped).
     */
    public Instant next(String channelId, Instant due, Instant now, boolean softFailure) {
        if (softFailure) {
            return now.plus(retry);
        }
        Instant next = due.plus(interval);
        return next.isAfter(now) ? next : slotAtOrAfter(channelId, now.plusMillis(1));
    }

    private Instant slotAtOrAfter(String channelId, Instant t) {
        long period = interval.toMillis();
        long phase = phase(channelId).toMillis();
        long base = Math.floorDiv(t.toEpochMilli() - phase, period) * period + phase;
        return Instant.ofEpochMilli(base < t.toEpochMilli() ? base + period : base);
    }
}
