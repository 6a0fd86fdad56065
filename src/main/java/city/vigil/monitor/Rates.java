package city.vigil.monitor;

import java.time.Instant;
import java.util.List;

/** Online rate and registry indicators for an area, in total and by group. */
public record Rates(String area, String groupBy, Instant at, Row total, List<Row> groups) {

    /**
     * One group: live counts (online rate = (online + degraded) / monitored) and registry indicators over channels
     * in use (networking rate = networked / in use; completeness = records with every mandatory field / in use).
     */
    public record Row(String key, String name, long monitored, long online, long degraded, long offline, long unreachable, long unknown,
                      long inMaintenance, long outOfService, Double onlineRate, long inUse, long networked, Double networkingRate,
                      long complete, Double completeness) {

        static Row of(String key, String name, RateCounts live, long[] registry) {
            long inUse = registry[0];
            return new Row(key, name, live.monitored(), live.online(), live.degraded(), live.offline(), live.unreachable(), live.unknown(),
                    live.maintenance(), live.outOfService(), live.onlineRate(), inUse, registry[1], ratio(registry[1], inUse), registry[2],
                    ratio(registry[2], inUse));
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : part / (double) whole;
        }
    }
}
