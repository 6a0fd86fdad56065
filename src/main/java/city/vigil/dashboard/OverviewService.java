package city.vigil.dashboard;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaService;
import city.vigil.area.AreaView;
import city.vigil.availability.AvailabilityReport;
import city.vigil.availability.AvailabilityService;
import city.vigil.outage.OutageFigures;
import city.vigil.platform.Scope;
import city.vigil.rates.RateGroupBy;
import city.vigil.rates.Rates;
import city.vigil.rates.RatesService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the live overview of an area through the APIs' own services, with the caller's scope: rates by class and by
 * the level below × class (two calls), and the outage figures. The page and {@code /api/v1/rates} can never
 * disagree. Sub-areas are ranked worst first (lowest online rate; areas with nothing monitored last), as an operator
 * scans for trouble.
 */
@ApplicationScoped
public class OverviewService {
    private static final int NEWEST_SHOWN = 10;
    /** Areas whose figures of an hour a day ago are kept. */
    private static final int KEPT = 5_000;

    private final RatesService rates;
    private final AreaService areas;
    private final OutageFigures outages;
    private final AvailabilityService availability;
    private final DashboardConfig config;
    private final Map<HourKey, Map<String, Double>> yesterday = new ConcurrentHashMap<>();

    OverviewService(RatesService rates, AreaService areas, OutageFigures outages, AvailabilityService availability, DashboardConfig config) {
        this.rates = rates;
        this.areas = areas;
        this.outages = outages;
        this.availability = availability;
        this.config = config;
    }

    public Overview overview(Scope scope, String areaCode, DownQuery query) {
        return read(scope, areaCode, query, true);
    }

    /** What the wall shows: the overview without its down list and newest outages (about 40 ms less at city scale). */
    public Overview wall(Scope scope, String areaCode) {
        return read(scope, areaCode, DownQuery.FIRST_PAGE, false);
    }

    private Overview read(Scope scope, String areaCode, DownQuery query, boolean withLists) {
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
        Rates byClass = rates.rates(scope, areaCode, RateGroupBy.POINT_CLASS.param);
        List<Overview.ClassRow> classes = byClass.groups().stream()
                .filter(r -> r.monitored() + r.inMaintenance() + r.outOfService() + r.unknown() > 0)
                .map(r -> new Overview.ClassRow(r, config.targets().of(r.key()))).toList();
        // The whole registry ranks its districts; an area the level below it; a grid nothing.
        AreaLevel below = area == null ? AreaLevel.DISTRICT : next(area.level);
        List<Overview.Child> children = below == null ? List.of() : children(scope, area, below);
        List<Overview.Crumb> trail = new ArrayList<>();
        if (area != null) {
            for (AreaView.Ref ancestor : areas.ancestors(area)) {
                trail.add(new Overview.Crumb(ancestor.code(), ancestor.name()));
            }
        }
        int size = config.pageSize();
        OutageFigures.DownPage down = withLists ? outages.down(scope, area, query.filter(), (query.page() - 1) * size, size)
                : new OutageFigures.DownPage(List.of(), 0, 0, size);
        return new Overview(area == null ? null : area.code, area == null ? null : area.name, trail, below == null ? null : below.name(),
                byClass.at(), byClass.total(), classes, children, outages.incidents(scope, area), outages.openByCause(scope, area),
                withLists ? outages.newestUnacknowledged(scope, area, NEWEST_SHOWN) : List.of(), new Overview.DownList(query, down));
    }

    /** The area's name (404 outside the caller's scope). */
    public String name(Scope scope, String areaCode) {
        return areas.get(scope, areaCode).name;
    }

    /** The districts' codes the caller may see, in order (the wall rotates through them). */
    public List<String> districts(Scope scope) {
        return areas.namesAtLevel(null, AreaLevel.DISTRICT).keySet().stream().filter(code -> areas.find(scope, code).isPresent()).toList();
    }

    private List<Overview.Child> children(Scope scope, Area area, AreaLevel below) {
        String areaCode = area == null ? null : area.code;
        Rates matrix = rates.rates(scope, areaCode, RateGroupBy.ofLevel(below).param + "," + RateGroupBy.POINT_CLASS.param);
        Map<String, Long> unacknowledged = outages.unacknowledgedBelow(scope, area);
        Map<String, Double> yesterday = sameHourYesterday(scope, areaCode, below);
        List<Overview.Child> out = new ArrayList<>();
        for (Rates.Row row : matrix.groups()) {
            // An area with nothing registered (a street without cameras yet) is not worth a line in the ranking.
            if (row.monitored() + row.unknown() + row.inMaintenance() + row.outOfService() == 0) {
                continue;
            }
            Double class1 = row.groups() == null ? null : row.groups().stream().filter(c -> c.key().equals("1")).findFirst()
                    .map(Rates.Row::onlineRate).orElse(null);
            Double before = yesterday.get(row.key());
            Double change = before == null || row.onlineRate() == null ? null : row.onlineRate() - before;
            out.add(new Overview.Child(row, class1, change, unacknowledged.getOrDefault(row.key(), 0L)));
        }
        out.sort(WORST_FIRST);
        return out;
    }

    /**
     * The availability of each sub-area over the same hour yesterday, the availability API's figure (districts and
     * streets: the levels it groups by; nothing for communities and grids).
     */
    private Map<String, Double> sameHourYesterday(Scope scope, String areaCode, AreaLevel below) {
        if (below != AreaLevel.DISTRICT && below != AreaLevel.STREET) {
            return Map.of();
        }
        Instant anHourADayAgo = Instant.now().minus(Duration.ofHours(25)).truncatedTo(ChronoUnit.HOURS);
        // That hour is over: its figures are read once per area and hour, not on every push to every open page.
        if (yesterday.size() > KEPT) {
            yesterday.keySet().removeIf(k -> !k.hour().equals(anHourADayAgo));
        }
        return yesterday.computeIfAbsent(new HourKey(scope, areaCode, anHourADayAgo), k -> {
            AvailabilityReport report = availability.groups(scope, areaCode, below.name().toLowerCase(), null, null, anHourADayAgo,
                    anHourADayAgo.plus(Duration.ofHours(1)));
            Map<String, Double> out = new HashMap<>();
            report.groups().stream().filter(r -> r.availability() != null).forEach(r -> out.put(r.key(), r.availability()));
            return out;
        });
    }

    private record HourKey(Scope scope, String areaCode, Instant hour) {
    }

    /** Lowest online rate first; areas with nothing monitored at the end, by code. */
    static final Comparator<Overview.Child> WORST_FIRST = Comparator
            .comparing((Overview.Child c) -> c.rates().onlineRate() == null ? Double.MAX_VALUE : c.rates().onlineRate())
            .thenComparing(c -> c.rates().key());

    /** The level below; null below GRID. */
    private static AreaLevel next(AreaLevel level) {
        AreaLevel[] levels = AreaLevel.values();
        return level.ordinal() + 1 < levels.length ? levels[level.ordinal() + 1] : null;
    }
}
