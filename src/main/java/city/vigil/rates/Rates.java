package city.vigil.rates;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Online rate and registry indicators for an area, in total and by group; with a second dimension ({@code groupBy} of
 * two, such as {@code district,pointClass}) each group carries its cells in {@code groups}.
 */
public record Rates(String area, String groupBy, Instant at, Row total, List<Row> groups) {

    /**
     * One group: live counts (online rate = (online + degraded) / monitored) and registry indicators over channels
     * in use (networking rate = networked / in use; completeness = records with every mandatory field / in use).
     */
    public record Row(String key, String name, long monitored, long online, long degraded, long offline, long unreachable, long unknown,
                      long inMaintenance, long outOfService, Double onlineRate, long intact, Double intactRate, long inUse, long networked, Double networkingRate,
                      long complete, Double completeness, @JsonInclude(JsonInclude.Include.NON_NULL) List<Row> groups) {

        /** This group split by a second dimension (the cells of an area × class or area × maintainer matrix). */
        Row with(List<Row> cells) {
            return new Row(key, name, monitored, online, degraded, offline, unreachable, unknown, inMaintenance, outOfService, onlineRate,
                    intact, intactRate, inUse, networked, networkingRate, complete, completeness, cells);
        }

        static Row of(String key, String name, RateCounts c) {
            return new Row(key, name, c.monitored(), c.online(), c.degraded(), c.offline(), c.unreachable(), c.unknown(), c.maintenance(),
                    c.outOfService(), c.onlineRate(), c.intact(), c.intactRate(), c.inUse(), c.networked(), c.networkingRate(), c.complete(), c.completeness(),
                    null);
        }
    }
}
