package city.vigil.dashboard;

import city.vigil.rates.Rates;
import city.vigil.status.StatusService;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What the overview page shows for one area (or the whole registry): the totals, the split by point class, and the
 * sub-areas ranked worst first. Every figure is the rates API's figure for the same area at the same instant.
 */
public record Overview(String areaCode, String areaName, List<Crumb> trail, String childLevel, Instant at, Rates.Row total,
                       List<Rates.Row> byClass, List<Rates.Row> children, List<StatusService.Item> down) {

    /** Everything registered here: monitored, unknown, in maintenance and out of service. */
    @JsonProperty
    public long registered() {
        return total.monitored() + total.unknown() + total.inMaintenance() + total.outOfService();
    }

    /** Class-1 points offline here: what raises the wall's alarm. */
    @JsonProperty
    public long class1Offline() {
        return byClass.stream().filter(r -> r.key().equals("1")).mapToLong(Rates.Row::offline).sum();
    }

    /** One step of the way down from the top (city → district → …), for the breadcrumb. */
    public record Crumb(String code, String name) {
    }
}
