package city.vigil.rates;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rates API. Every figure, live or from the registry (networking rate, completeness), is a lookup in the status
 * store's counters, which the monitor moves with every change: no query over cameras, whatever the area's size.
 */
@ApplicationScoped
public class RatesService {
    private static final int[] CLASSES = {1, 2, 3, 4, 9};

    @Inject
    AreaService areas;
    @Inject
    RateCounters counters;

    public Rates rates(Scope scope, String areaCode, String groupByParam) {
        RateGroupBy groupBy = RateGroupBy.parse(groupByParam);
        Area area = areas.forGrouping(scope, areaCode, groupBy == null ? null : groupBy.level);
        RateCounters store = counters;
        String code = area == null ? null : area.code;
        Rates.Row total = Rates.Row.of(code == null ? "*" : code, area == null ? null : area.name, store.counts(code, null));
        List<Rates.Row> groups = new ArrayList<>();
        if (groupBy != null) {
            for (Map.Entry<String, String> g : groupKeys(area, groupBy, store).entrySet()) {
                RateCounts counts = switch (groupBy) {
                    case DISTRICT, STREET -> store.counts(g.getKey(), null);
                    case POINT_CLASS -> store.counts(code, Integer.parseInt(g.getKey()));
                    case MAINTAINER -> store.counts(code, null, g.getKey());
                };
                if (counts.total() > 0 || groupBy.level != null) {
                    groups.add(Rates.Row.of(g.getKey(), g.getValue(), counts));
                }
            }
        }
        return new Rates(code, groupBy == null ? null : groupBy.param, Instant.now(), total, groups);
    }

    /** Group key → display name: the areas at the level inside the subtree, the point classes, the maintainers found. */
    private Map<String, String> groupKeys(Area area, RateGroupBy groupBy, RateCounters store) {
        Map<String, String> keys = new LinkedHashMap<>();
        switch (groupBy) {
            case DISTRICT, STREET -> keys.putAll(areas.namesAtLevel(area, groupBy.level));
            case POINT_CLASS -> {
                for (int c : CLASSES) {
                    keys.put(Integer.toString(c), "class " + c);
                }
            }
            // Channels without a maintainer: key "", no name.
            case MAINTAINER -> store.maintainers(area == null ? null : area.code).forEach(m -> keys.put(m == null ? "" : m, m));
        }
        return keys;
    }
}
