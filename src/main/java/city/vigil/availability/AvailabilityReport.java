package city.vigil.availability;

import java.time.Instant;
import java.util.List;

/** Availability of groups over a period: channel-seconds per category, outages and their repair and failure times. */
public record AvailabilityReport(Instant from, Instant to, String area, String groupBy, Row total, List<Row> groups) {

    /** {@code key}: the group (area code, class, unit); {@code name}: the area's name where the key is an area. */
    public record Row(String key, String name, long upSeconds, long downSeconds, long maintenanceSeconds, long unknownSeconds,
                      long removedSeconds, Double availability, long outages, Long mttrSeconds, Long mtbfSeconds, Long longestOutageSeconds) {

        static Row of(String key, String name, long up, long down, long maintenance, long unknown, long removed, long outages, Long longest) {
            Double availability = up + down == 0 ? null : Math.round(up * 1_000_000.0 / (up + down)) / 1_000_000.0;
            return new Row(key, name, up, down, maintenance, unknown, removed, availability, outages, outages == 0 ? null : down / outages,
                    outages == 0 ? null : up / outages, longest);
        }
    }
}
