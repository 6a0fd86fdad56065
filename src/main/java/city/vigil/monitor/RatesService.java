package city.vigil.monitor;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rates API: live counts are lookups in the status store's counters (no scan of cameras), registry indicators
 * (networking rate, completeness) one grouped count over the area's cameras.
 */
@ApplicationScoped
public class RatesService {
    private static final int[] CLASSES = {1, 2, 3, 4, 9};

    @Inject
    EntityManager em;
    @Inject
    AreaService areas;
    @Inject
    MonitorService monitor;

    public Rates rates(Scope scope, String areaCode, String groupByParam) {
        RateGroupBy groupBy = RateGroupBy.parse(groupByParam);
        Area area = areas.forGrouping(scope, areaCode, groupBy == null ? null : groupBy.level);
        StatusStore store = monitor.store();
        String code = area == null ? null : area.code;
        Map<String, long[]> registry = registryCounts(scope, area, groupBy);
        Rates.Row total = Rates.Row.of(code == null ? "*" : code, area == null ? null : area.name, store.counts(code, null),
                registry.getOrDefault("*", new long[3]));
        List<Rates.Row> groups = new ArrayList<>();
        if (groupBy != null) {
            for (Map.Entry<String, String> g : groupKeys(area, groupBy, registry).entrySet()) {
                RateCounts live = switch (groupBy) {
                    case DISTRICT, STREET -> store.counts(g.getKey(), null);
                    case POINT_CLASS -> store.counts(code, Integer.parseInt(g.getKey()));
                    case MAINTAINER -> store.counts(code, null, g.getKey().equals("-") ? "" : g.getKey());
                };
                long[] reg = registry.getOrDefault(g.getKey(), new long[3]);
                if (live.total() > 0 || reg[0] > 0 || groupBy.level != null) {
                    groups.add(Rates.Row.of(g.getKey(), g.getValue(), live, reg));
                }
            }
        }
        return new Rates(code, groupBy == null ? null : groupBy.param, Instant.now(), total, groups);
    }

    /** Group key → display name: the areas at the level inside the subtree, the point classes, the maintainers found. */
    private Map<String, String> groupKeys(Area area, RateGroupBy groupBy, Map<String, long[]> registry) {
        Map<String, String> keys = new LinkedHashMap<>();
        switch (groupBy) {
            case DISTRICT, STREET -> keys.putAll(areas.namesAtLevel(area, groupBy.level));
            case POINT_CLASS -> {
                for (int c : CLASSES) {
                    keys.put(Integer.toString(c), "class " + c);
                }
            }
            case MAINTAINER -> registry.keySet().stream().filter(k -> !k.equals("*")).sorted().forEach(k -> keys.put(k, k.equals("-") ? null : k));
        }
        return keys;
    }

    /** Per group key (and "*" for the total): in use, networked and complete channels. */
    private Map<String, long[]> registryCounts(Scope scope, Area area, RateGroupBy groupBy) {
        SqlWhere where = new SqlWhere().scope(scope, "area_path");
        if (area != null) {
            where.and("area_path LIKE ?", area.path + "%");
        }
        String key = groupBy == null ? "'*'" : "coalesce(CAST(" + groupBy.sql + " AS text), '-')";
        String sql = "SELECT " + key + ", count(*) FILTER (WHERE lifecycle = 'IN_USE'), "
                + "count(*) FILTER (WHERE lifecycle = 'IN_USE' AND networked), "
                + "count(*) FILTER (WHERE lifecycle = 'IN_USE' AND cardinality(missing_fields) = 0) "
                + "FROM camera WHERE " + where.sql() + (groupBy == null ? "" : " GROUP BY 1");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery(sql)).getResultList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        long[] total = new long[3];
        for (Object[] r : rows) {
            long[] c = {((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()};
            counts.put((String) r[0], c);
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        counts.put("*", total);
        return counts;
    }
}
