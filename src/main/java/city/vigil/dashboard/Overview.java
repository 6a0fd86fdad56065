package city.vigil.dashboard;

import city.vigil.outage.OutageFigures;
import city.vigil.outage.OutageView;
import city.vigil.rates.Rates;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What an overview page shows live for one area (or the whole registry): the totals, the split by point class against
 * its targets, the sub-areas ranked worst first, incidents, the fault-type split, the newest unacknowledged outages
 * and a page of the cameras down. Every rate is the rates API's figure for the same area at the same instant.
 */
public record Overview(String areaCode, String areaName, List<Crumb> trail, String childLevel, Instant at, Rates.Row total,
                       List<ClassRow> byClass, List<Child> children, List<OutageFigures.Incident> incidents,
                       List<OutageFigures.CauseCount> causes, List<OutageView> newestUnacknowledged, DownList down) {

    /** Everything registered here: monitored, unknown, in maintenance and out of service. */
    @JsonProperty
    public long registered() {
        return total.monitored() + total.unknown() + total.inMaintenance() + total.outOfService();
    }

    /** Class-1 points offline here: what raises the wall's alarm. */
    @JsonProperty
    public long class1Offline() {
        return byClass.stream().filter(r -> r.rates().key().equals("1")).mapToLong(r -> r.rates().offline()).sum();
    }

    /** Open outages in all, for the fault-type split's bars. */
    public long openOutages() {
        return causes.stream().mapToLong(OutageFigures.CauseCount::open).sum();
    }

    /** One step of the way down from the top (city → district → …), for the breadcrumb. */
    public record Crumb(String code, String name) {
    }

    /** A point class's figures and its online-rate target. */
    public record ClassRow(Rates.Row rates, double target) {
        /** Null while nothing of the class is monitored. */
        public Boolean meetsTarget() {
            return rates.onlineRate() == null ? null : rates.onlineRate() >= target;
        }
    }

    /**
     * A sub-area in the ranking: its rates (cells by class), its class-1 online rate, the change of its online rate
     * against the same hour yesterday (null where unknown), and its open outages nobody acknowledged.
     */
    public record Child(Rates.Row rates, Double class1Rate, Double change, long unacknowledged) {
    }

    /** The area's down cameras: the filter that chose them, and one page. */
    public record DownList(DownQuery query, OutageFigures.DownPage page) {
        public boolean hasPrevious() {
            return page.offset() > 0;
        }

        public boolean hasNext() {
            return page.offset() + page.items().size() < page.total();
        }

        public int pageNumber() {
            return page.offset() / Math.max(1, page.limit()) + 1;
        }

        /** The pager's links: this filter at the page before and after (the first page has no page parameter). */
        public String previousLink() {
            String q = query.queryString(pageNumber() - 1);
            return q.isEmpty() ? "?" : q;
        }

        public String nextLink() {
            return query.queryString(pageNumber() + 1);
        }

        public long pages() {
            return Math.max(1, (page.total() + page.limit() - 1) / page.limit());
        }
    }
}
