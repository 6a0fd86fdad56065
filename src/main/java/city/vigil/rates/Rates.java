package city.vigil.rates;

import java.time.Instant;
import java.util.List;

/** Online rate and registry indicators for an area, in total and by group. */
public record Rates(String area, String groupBy, Instant at, Row total, List<Row> groups) {

    /**
     * One group: live counts (online rate = (online + degraded) / monitored) and registry indicators over channels
     * in use (networking rate = networked / in use; completeness = records with every mandatory field / in use).
     */
    public record Row(String key, String name, long monitored, long online, long degraded, long offline, long unreachable, long unknown,
                      long inMaintenance, long outOfService, Double onlineRate, long intact, Double intactRate, long inUse, long networked, Double networkingRate,
                      long complete, Double completeness) {

        /** The same figures under another key and name (an area's total shown as one row of its parent's ranking). */
        public Row as(String key, String name) {
            return new Row(key, name, monitored, online, degraded, offline, unreachable, unknown, inMaintenance, outOfService, onlineRate,
                    intact, intactRate, inUse, networked, networkingRate, complete, completeness);
        }

        static Row of(String key, String name, RateCounts c) {
            return new Row(key, name, c.monitored(), c.online(), c.degraded(), c.offline(), c.unreachable(), c.unknown(), c.maintenance(),
                    c.outOfService(), c.onlineRate(), c.intact(), c.intactRate(), c.inUse(), c.networked(), c.networkingRate(), c.complete(), c.completeness());
        }
    }
}
