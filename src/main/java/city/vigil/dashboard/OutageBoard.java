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
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outage desk: open outages grouped by cause, largest group first, each ordered by point class then duration, and
 * the acknowledgement of a whole group with one note (one statement in the outage store: each outage keeps its first
 * acknowledgement, and availability is untouched).
 */
@ApplicationScoped
public class OutageBoard {
    /** Open outages read for the page; past this the page says how many more there are. */
    static final int MAX_SHOWN = 2_000;
    private static final int PAGE = 500;

    private static final int RESOLVED_SHOWN = 50;

    private final OutageService outages;
    private final OutageFigures figures;
    private final AvailabilityService availability;
    private final AreaService areas;

    OutageBoard(OutageService outages, OutageFigures figures, AvailabilityService availability, AreaService areas) {
        this.outages = outages;
        this.figures = figures;
        this.availability = availability;
        this.areas = areas;
    }

    /** One cause and its open outages. */
    public record Group(String cause, List<OutageView> outages, long unacknowledged) {
    }

    /**
     * The desk: open outages by cause; outages resolved since local midnight (the newest, and how many); mean time to
     * repair per district over the last 7 days (the availability API's figure).
     */
    public record Board(String areaCode, List<Group> groups, long open, boolean truncated, List<OutageView> resolvedToday, long resolvedTodayCount,
                        AvailabilityReport repairs) {
    }

    public Board board(Scope scope, String areaCode) {
        List<OutageView> open = openOutages(scope, areaCode);
        Map<String, List<OutageView>> byCause = new LinkedHashMap<>();
        for (OutageView o : open) {
            byCause.computeIfAbsent(o.cause() == null ? "UNKNOWN" : o.cause(), c -> new ArrayList<>()).add(o);
        }
        List<Group> groups = new ArrayList<>();
        byCause.forEach((cause, list) -> {
            list.sort(Comparator.comparingInt(OutageView::pointClass).thenComparing(OutageView::durationSeconds, Comparator.reverseOrder()));
            groups.add(new Group(cause, list, list.stream().filter(o -> o.ack() == null).count()));
        });
        groups.sort(Comparator.comparingInt((Group g) -> -g.outages().size()).thenComparing(Group::cause));
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
        Instant midnight = LocalDate.now(CameraDesk.LOCAL).atStartOfDay(CameraDesk.LOCAL).toInstant();
        Instant now = Instant.now();
        // Districts under the whole registry or a city; the streets of a district; nothing finer (availability groups no deeper).
        String repairsBy = area == null || area.level == AreaLevel.CITY ? "district" : area.level == AreaLevel.DISTRICT ? "street" : null;
        return new Board(areaCode, groups, open.size(), open.size() >= MAX_SHOWN, figures.resolvedSince(scope, area, midnight, RESOLVED_SHOWN),
                figures.countResolvedSince(scope, area, midnight),
                repairsBy == null ? null : availability.groups(scope, areaCode, repairsBy, null, null, now.minus(Duration.ofDays(7)), now));
    }

    /** Acknowledges every open, unacknowledged outage of {@code cause} in the area; returns how many it acknowledged. */
    public int acknowledgeGroup(Scope scope, String areaCode, String cause, String by, String note) {
        return outages.acknowledgeAll(scope, areaCode, cause, new AckRequest(by, note));
    }

    private List<OutageView> openOutages(Scope scope, String areaCode) {
        List<OutageView> all = new ArrayList<>();
        Long after = null;
        while (all.size() < MAX_SHOWN) {
            Page<OutageView> page = outages.list(scope, new OutageService.Filter(areaCode, true, null, null), after, PAGE);
            all.addAll(page.items());
            if (page.next() == null) {
                break;
            }
            after = Long.valueOf(page.next());
        }
        return all;
    }
}
