package city.vigil.deep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stream's own time over a grab's window, packet to packet, robust to jumps: a step more than four times the typical
 * one (the median so far) counts as a typical step. An RTSP client re-bases its timestamps when the first RTCP sender
 * report arrives, a second or so into a session; read naively, that jump ends a one-second window after a handful of
 * frames and reports 8 fps for a 25 fps camera. Used by one grab on one thread.
 */
final class StreamClock {
    private final List<Long> stamps = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();

    StreamClock(long firstMicros) {
        stamps.add(firstMicros);
    }

    /** The next packet's timestamp (µs); {@code Long.MIN_VALUE} when it has none. */
    void tick(long micros) {
        if (micros == Long.MIN_VALUE) {
            return;
        }
        long step = micros - stamps.get(stamps.size() - 1);
        stamps.add(micros);
        steps.add(step);
    }

    /** Stream time from the first packet to the last, each step capped at four typical ones. */
    long elapsedMicros() {
        return elapsedThrough(steps.size());
    }

    /** Frames per second by the typical step; 0 before two packets. */
    double fps() {
        long typical = typicalStep();
        return typical <= 0 ? 0 : 1e6 / typical;
    }

    /** The timestamp of the first packet at or past {@code elapsed} of stream time (the last one if none is). */
    long streamMicrosAt(long elapsed) {
        long cap = cap();
        long sum = 0;
        for (int i = 0; i < steps.size(); i++) {
            sum += Math.max(0, Math.min(steps.get(i), cap));
            if (sum >= elapsed) {
                return stamps.get(i + 1);
            }
        }
        return stamps.get(stamps.size() - 1);
    }

    private long elapsedThrough(int n) {
        long cap = cap();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.max(0, Math.min(steps.get(i), cap));
        }
        return sum;
    }

    private long cap() {
        long typical = typicalStep();
        return typical <= 0 ? Long.MAX_VALUE : 4 * typical;
    }

    /** The median of the positive steps (B-frames make some dts steps zero; reordering makes pts steps negative). */
    private long typicalStep() {
        long[] positive = steps.stream().mapToLong(Long::longValue).filter(s -> s > 0).toArray();
        if (positive.length == 0) {
            return 0;
        }
        Arrays.sort(positive);
        return positive[positive.length / 2];
    }
}
