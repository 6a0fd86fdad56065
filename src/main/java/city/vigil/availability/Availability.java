package city.vigil.availability;

import city.vigil.monitor.TimeCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's availability over a period, computed exactly from its category intervals and its outages (DESIGN §1):
 * availability = up / (up + down); maintenance, unknown and out-of-service time are their own columns and outside the
 * denominator; MTTR = down time / outages, MTBF = up time / outages (failures), the longest outage as it overlaps the
 * period. Pure, so it is tested against a second-by-second reference.
 */
public record Availability(long upSeconds, long downSeconds, long maintenanceSeconds, long unknownSeconds, long removedSeconds,
                           int outages, Long mttrSeconds, Long mtbfSeconds, long longestOutageSeconds) {

    /** One stretch of a channel's time; {@code end} null while it lasts. */
    public record Interval(TimeCategory category, Instant start, Instant end) {
    }

    /** One outage; {@code end} null while open. */
    public record Outage(Instant start, Instant end) {
    }

    /** up / (up + down), or null when the channel was never counted in the period. */
    public Double availability() {
        long counted = upSeconds + downSeconds;
        return counted == 0 ? null : Math.round(upSeconds * 1_000_000.0 / counted) / 1_000_000.0;
    }

    /**
     * Over [from, to): {@code intervals} in any order (open ones end at {@code now}); outages count when they start in
     * the period, and their length is the part inside it.
     */
    public static Availability of(List<Interval> intervals, List<Outage> outages, Instant from, Instant to, Instant now) {
        Instant end = to.isAfter(now) ? now : to;
        Map<TimeCategory, Long> seconds = new EnumMap<>(TimeCategory.class);
        for (Interval i : intervals) {
            long s = overlap(i.start(), i.end() == null ? now : i.end(), from, end);
            if (s > 0) {
                seconds.merge(i.category(), s, Long::sum);
            }
        }
        int count = 0;
        long longest = 0;
        for (Outage o : outages) {
            if (!o.start().isBefore(from) && o.start().isBefore(end)) {
                count++;
            }
            longest = Math.max(longest, overlap(o.start(), o.end() == null ? now : o.end(), from, end));
        }
        long up = seconds.getOrDefault(TimeCategory.UP, 0L);
        long down = seconds.getOrDefault(TimeCategory.DOWN, 0L);
        return new Availability(up, down, seconds.getOrDefault(TimeCategory.MAINTENANCE, 0L), seconds.getOrDefault(TimeCategory.UNKNOWN, 0L),
                seconds.getOrDefault(TimeCategory.REMOVED, 0L), count, count == 0 ? null : down / count, count == 0 ? null : up / count, longest);
    }

    /** Whole seconds of [a, b) inside [from, to). */
    static long overlap(Instant a, Instant b, Instant from, Instant to) {
        Instant s = a.isAfter(from) ? a : from;
        Instant e = b.isBefore(to) ? b : to;
        return e.isAfter(s) ? Duration.between(s, e).toSeconds() : 0;
    }
}
