package city.vigil.dashboard;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaService;
import city.vigil.availability.AvailabilityReport;
import city.vigil.availability.AvailabilityService;
import city.vigil.outage.AckRequest;
import city.vigil.outage.OutageFigures;
import city.vigil.outage.OutageService;
import city.vigil.outage.OutageView;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The outage desk: open outages grouped by cause, largest group first, each showing its first outages by point class
 * then time down (the rest are a click away in the overview's down list, filtered by that cause), and the
 * acknowledgement of a whole group with one note (one statement in the outage store: each outage keeps its first
 * acknowledgement, and availability is untouched). A city's tens of thousands of open outages never reach the page.
 */
@ApplicationScoped
public class OutageBoard {
    /** Outages shown per group; the group's count says how many there are. */
    static final int SHOWN_PER_GROUP = 20;
    private static final int RESOLVED_SHOWN = 50;

    private final OutageService outages;
    private final OutageFigures figures;
    private final AvailabilityService availability;
    private final AreaService areas;
    private final DashboardConfig config;
    /** The 7-day repair times scan a week of outages; like an area's history they are drawn at most once per history-ttl. */
    private final Kept<Repairs, AvailabilityReport> repairsKept = new Kept<>(2_000);

    private record Repairs(Scope scope, String areaCode, String by) {
    }

    OutageBoard(OutageService outages, OutageFigures figures, AvailabilityService availability, AreaService areas, DashboardConfig config) {
        this.config = config;
        this.outages = outages;
        this.figures = figures;
        this.availability = availability;
        this.areas = areas;
    }

    /** One cause: how many open outages, how many unacknowledged, and the first of them. */
    public record Group(String cause, long open, long unacknowledged, List<OutageFigures.Down> first) {
        public boolean more() {
            return open > first.size();
        }

        /** The overview's down list filtered to this cause (a liveness cause or an image fault). */
        public String downListQuery() {
            return (DownQuery.FAULTS.contains(cause) ? "?fault=" : "?cause=") + cause;
        }
    }

    /**
     * The desk: open outages by cause; outages resolved since local midnight (the newest, and how many); mean time to
     * repair per district over the last 7 days (the availability API's figure).
     */
    public record Board(String areaCode, List<Group> groups, long open, List<OutageView> resolvedToday, long resolvedTodayCount,
                        AvailabilityReport repairs) {
    }

    public Board board(Scope scope, String areaCode) {
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
        List<Group> groups = new ArrayList<>();
        for (OutageFigures.CauseCount c : figures.openByCause(scope, area)) {
            OutageFigures.DownFilter filter = new OutageFigures.DownFilter(null, List.of(c.cause()), null, null);
            groups.add(new Group(c.cause(), c.open(), c.unacknowledged(), figures.firstDown(scope, area, filter, SHOWN_PER_GROUP)));
        }
        Instant midnight = LocalDate.now(CameraDesk.LOCAL).atStartOfDay(CameraDesk.LOCAL).toInstant();
        Instant now = Instant.now();
        // Districts under the whole registry or a city; the streets of a district; nothing finer (availability groups no deeper).
        String repairsBy = area == null || area.level == AreaLevel.CITY ? "district" : area.level == AreaLevel.DISTRICT ? "street" : null;
        return new Board(areaCode, groups, groups.stream().mapToLong(Group::open).sum(), figures.resolvedSince(scope, area, midnight, RESOLVED_SHOWN),
                figures.countResolvedSince(scope, area, midnight),
                repairsBy == null ? null : repairsKept.get(new Repairs(scope, areaCode, repairsBy), config.historyTtl(),
                        () -> availability.groups(scope, areaCode, repairsBy, null, null, now.minus(Duration.ofDays(7)), now)));
    }

    /** Acknowledges every open, unacknowledged outage of {@code cause} in the area; returns how many it acknowledged. */
    public int acknowledgeGroup(Scope scope, String areaCode, String cause, String by, String note) {
        return outages.acknowledgeAll(scope, areaCode, cause, new AckRequest(by, note));
    }
}
