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

    /**
     * {@code groupByParam}: none, one dimension, or two separated by a comma: an area level then {@code pointClass},
     * {@code maintainer} or {@code owner} (the matrix of an overview). Every cell is a counter lookup.
     */
    public Rates rates(Scope scope, String areaCode, String groupByParam) {
        List<RateGroupBy> dimensions = RateGroupBy.parseAll(groupByParam);
        RateGroupBy groupBy = dimensions.isEmpty() ? null : dimensions.get(0);
        RateGroupBy cells = dimensions.size() > 1 ? dimensions.get(1) : null;
        Area area = areas.forGrouping(scope, areaCode, groupBy == null ? null : groupBy.level);
        RateCounters store = counters;
        String code = area == null ? null : area.code;
        Rates.Row total = Rates.Row.of(code == null ? "*" : code, area == null ? null : area.name, store.counts(code, null));
        List<Rates.Row> groups = new ArrayList<>();
        if (groupBy != null) {
            for (Map.Entry<String, String> g : groupKeys(area, groupBy, store).entrySet()) {
                RateCounts counts = counts(store, groupBy, code, g.getKey());
                if (counts.total() > 0 || groupBy.level != null) {
                    Rates.Row row = Rates.Row.of(g.getKey(), g.getValue(), counts);
                    groups.add(cells == null ? row : row.with(cells(store, g.getKey(), cells)));
                }
            }
        }
        String dimensionNames = dimensions.stream().map(d -> d.param).reduce((a, b) -> a + "," + b).orElse(null);
        return new Rates(code, dimensionNames, Instant.now(), total, groups);
    }

    private static RateCounts counts(RateCounters store, RateGroupBy groupBy, String areaCode, String key) {
        return switch (groupBy) {
            case DISTRICT, STREET, COMMUNITY, GRID -> store.counts(key, null);
            case POINT_CLASS -> store.counts(areaCode, Integer.parseInt(key));
            case MAINTAINER -> store.counts(areaCode, null, key);
            case OWNER -> store.ownerCounts(areaCode, key);
        };
    }

    /** One area's cells by point class, maintainer or owner unit: the ones with channels. */
    private List<Rates.Row> cells(RateCounters store, String areaCode, RateGroupBy by) {
        List<Rates.Row> cells = new ArrayList<>();
        if (by == RateGroupBy.POINT_CLASS) {
            for (int c : CLASSES) {
                RateCounts counts = store.counts(areaCode, c);
                if (counts.total() > 0) {
                    cells.add(Rates.Row.of(Integer.toString(c), "class " + c, counts));
                }
            }
        } else {
            boolean owners = by == RateGroupBy.OWNER;
            for (String unit : owners ? store.owners(areaCode) : store.maintainers(areaCode)) {
                String key = unit == null ? "" : unit;
                RateCounts counts = owners ? store.ownerCounts(areaCode, key) : store.counts(areaCode, null, key);
                if (counts.total() > 0) {
                    cells.add(Rates.Row.of(key, unit, counts));
                }
            }
        }
        return cells;
    }

    /** Group key → display name: the areas at the level inside the subtree, the point classes, the maintainers found. */
    private Map<String, String> groupKeys(Area area, RateGroupBy groupBy, RateCounters store) {
        Map<String, String> keys = new LinkedHashMap<>();
        switch (groupBy) {
            case DISTRICT, STREET, COMMUNITY, GRID -> keys.putAll(areas.namesAtLevel(area, groupBy.level));
            case POINT_CLASS -> {
                for (int c : CLASSES) {
                    keys.put(Integer.toString(c), "class " + c);
                }
            }
            // Channels without a maintainer: key "", no name.
            case MAINTAINER -> store.maintainers(area == null ? null : area.code).forEach(m -> keys.put(m == null ? "" : m, m));
            case OWNER -> store.owners(area == null ? null : area.code).forEach(o -> keys.put(o == null ? "" : o, o));
        }
        return keys;
    }
}
