package city.vigil.dashboard;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaService;
import city.vigil.area.AreaView;
import city.vigil.platform.Scope;
import city.vigil.rates.RateGroupBy;
import city.vigil.rates.Rates;
import city.vigil.rates.RatesService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the overview of an area through the rates API's own service, with the caller's scope (two calls: by class,
 * and by the level below): the page and {@code /api/v1/rates} can never disagree. Sub-areas are ranked worst first (lowest online rate; areas with nothing
 * monitored last), as an operator scans for trouble.
 */
@ApplicationScoped
public class OverviewService {
    private final RatesService rates;
    private final AreaService areas;
    private final CameraDesk cameras;

    OverviewService(RatesService rates, AreaService areas, CameraDesk cameras) {
        this.rates = rates;
        this.areas = areas;
        this.cameras = cameras;
    }

    public Overview overview(Scope scope, String areaCode) {
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
        Rates byClass = rates.rates(scope, areaCode, RateGroupBy.POINT_CLASS.param);
        // The whole registry ranks its districts; an area the level below it; a grid nothing.
        AreaLevel below = area == null ? AreaLevel.DISTRICT : next(area.level);
        List<Rates.Row> children = new ArrayList<>();
        if (below != null) {
            children.addAll(rates.rates(scope, areaCode, RateGroupBy.ofLevel(below).param).groups());
            children.sort(WORST_FIRST);
        }
        List<Overview.Crumb> trail = new ArrayList<>();
        if (area != null) {
            for (AreaView.Ref ancestor : areas.ancestors(area)) {
                trail.add(new Overview.Crumb(ancestor.code(), ancestor.name()));
            }
        }
        return new Overview(area == null ? null : area.code, area == null ? null : area.name, trail,
                below == null ? null : below.name(), byClass.at(), byClass.total(),
                byClass.groups().stream().filter(r -> r.monitored() + r.inMaintenance() + r.outOfService() + r.unknown() > 0).toList(), children,
                cameras.down(scope, areaCode));
    }

    /** The districts' codes, in order (the wall rotates through them). */
    public List<String> districts() {
        return List.copyOf(areas.namesAtLevel(null, AreaLevel.DISTRICT).keySet());
    }

    /** Lowest online rate first; areas with nothing monitored at the end, by code. */
    static final Comparator<Rates.Row> WORST_FIRST = Comparator
            .comparing((Rates.Row r) -> r.onlineRate() == null ? Double.MAX_VALUE : r.onlineRate())
            .thenComparing(Rates.Row::key);

    /** The level below; null below GRID. */
    private static AreaLevel next(AreaLevel level) {
        AreaLevel[] levels = AreaLevel.values();
        return level.ordinal() + 1 < levels.length ? levels[level.ordinal() + 1] : null;
    }
}
