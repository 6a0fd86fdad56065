package city.vigil.coverage;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaPath;
import city.vigil.area.AreaService;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import city.vigil.rates.Rates;
import city.vigil.rates.RatesService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The coverage API's answers: site and grid figures from the book, channel figures from the live rates. */
@ApplicationScoped
public class CoverageQueries {
    private final CoverageService coverage;
    private final AreaService areas;
    private final RatesService rates;
    private final AgroalDataSource dataSource;

    CoverageQueries(CoverageService coverage, AreaService areas, RatesService rates, AgroalDataSource dataSource) {
        this.coverage = coverage;
        this.areas = areas;
        this.rates = rates;
        this.dataSource = dataSource;
    }

    private static final List<String> GROUPINGS = List.of("district", "street", "category", "pointClass");

    public CoverageReport report(Scope scope, String areaCode, String groupBy) {
        if (groupBy != null && !GROUPINGS.contains(groupBy)) {
            throw ApiException.invalid("groupBy", "must be one of " + String.join(", ", GROUPINGS));
        }
        AreaLevel level = "district".equals(groupBy) ? AreaLevel.DISTRICT : "street".equals(groupBy) ? AreaLevel.STREET : null;
        Area area = areas.forGrouping(scope, areaCode, level);
        String prefix = area == null ? "" : area.path;
        requireBook();
        // Site and grid tallies per group key: {sites, covered, grids, coveredGrids}.
        Map<String, long[]> tallies = coverage.read(book -> tally(book, scope, prefix, groupBy, level));
        long[] total = tallies.remove("");
        Rates live = rates.rates(scope, area == null ? null : area.code, "category".equals(groupBy) ? null : groupBy);
        Rates byClass = rates.rates(scope, area == null ? null : area.code, "pointClass");
        Map<String, Double> land = landAreas(area, level);
        Double totalLand = area == null ? land.get("") : land.get(area.code);
        Map<String, Double> densityByClass = new LinkedHashMap<>();
        for (Rates.Row r : byClass.groups()) {
            densityByClass.put(r.key(), totalLand == null || totalLand == 0 ? null : round(r.inUse() / totalLand));
        }
        CoverageReport.Row totalRow = row(area == null ? null : area.code, area == null ? null : area.name, total, live.total(), totalLand, densityByClass);
        List<CoverageReport.Row> groups = new ArrayList<>();
        if (groupBy != null) {
            Map<String, Rates.Row> liveGroups = new HashMap<>();
            live.groups().forEach(r -> liveGroups.put(r.key(), r));
            java.util.Set<String> keys = new java.util.TreeSet<>(tallies.keySet());
            if (!"category".equals(groupBy)) {
                keys.addAll(liveGroups.keySet());
            }
            for (String k : keys) {
                Rates.Row r = liveGroups.get(k);
                // Per class, the density is over the whole area's land.
                Double km2 = "pointClass".equals(groupBy) ? totalLand : land.get(k);
                groups.add(row(k, r == null ? null : r.name(), tallies.getOrDefault(k, new long[4]), "category".equals(groupBy) ? null : r, km2, null));
            }
        }
        return new CoverageReport(area == null ? null : area.code, groupBy, Instant.now(), coverage.builtAt(), totalRow, groups);
    }

    /**
     * Site and grid tallies under {@code prefix} per group key, {sites, covered, grids, grids with an online camera};
     * the key "" holds the total. One pass over the sites and grids: no camera is visited.
     */
    static Map<String, long[]> tally(CoverageBook book, Scope scope, String prefix, String groupBy, AreaLevel level) {
        Map<String, long[]> t = new TreeMap<>();
        long[] total = new long[4];
        for (CoverageBook.Site s : book.sites()) {
            if (!s.spec.areaPath().startsWith(prefix) || !scope.allows(s.spec.areaPath())) {
                continue;
            }
            total[0]++;
            total[1] += s.covered ? 1 : 0;
            String key = key(groupBy, level, s.spec.areaPath(), s.spec.category());
            if (key != null) {
                long[] g = t.computeIfAbsent(key, k -> new long[4]);
                g[0]++;
                g[1] += s.covered ? 1 : 0;
            }
        }
        for (CoverageBook.Grid g : book.grids()) {
            if (!g.path.startsWith(prefix) || !scope.allows(g.path)) {
                continue;
            }
            total[2]++;
            total[3] += g.online > 0 ? 1 : 0;
            String key = level == null ? null : key(groupBy, level, g.path, null);
            if (key != null) {
                long[] x = t.computeIfAbsent(key, k -> new long[4]);
                x[2]++;
                x[3] += g.online > 0 ? 1 : 0;
            }
        }
        t.put("", total);
        return t;
    }

    private static String key(String groupBy, AreaLevel level, String path, String category) {
        if (groupBy == null || "pointClass".equals(groupBy)) {
            return null;
        }
        if ("category".equals(groupBy)) {
            return category;
        }
        String[] parts = path.split("/");
        return parts.length >= level.depth() ? parts[level.depth() - 1] : null;
    }

    private static CoverageReport.Row row(String key, String name, long[] t, Rates.Row live, Double land, Map<String, Double> byClass) {
        boolean siteFigures = t[0] > 0 || live == null;
        Long registered = live == null ? null : live.inUse();
        return new CoverageReport.Row(key, name, siteFigures ? t[0] : 0L, siteFigures ? t[1] : 0L, CoverageReport.rate(t[1], t[0]), t[2], t[3],
                CoverageReport.rate(t[3], t[2]), registered, live == null ? null : live.online() + live.degraded(), live == null ? null : live.intact(),
                live == null ? null : CoverageReport.rate(live.intact(), live.inUse()), land, land == null || land == 0 || registered == null ? null
                : round(registered / land), byClass);
    }

    /** Land area (km²) of the area ("" when none is given: the cities') and of its groups' areas. */
    private Map<String, Double> landAreas(Area area, AreaLevel level) {
        Map<String, Double> out = new HashMap<>();
        String sql = "SELECT code, land_area_km2, level FROM area WHERE " + (area == null ? "level = 'CITY'" : "code = ?")
                + (level == null ? "" : " OR (level = ? AND path LIKE ?)");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (area != null) {
                s.setString(i++, area.code);
            }
            if (level != null) {
                s.setString(i++, level.name());
                s.setString(i, (area == null ? "" : area.path) + "%");
            }
            double cities = 0;
            boolean anyCity = false;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double km2 = rs.getDouble(2);
                    if (!rs.wasNull()) {
                        out.put(rs.getString(1), km2);
                        if (area == null && "CITY".equals(rs.getString(3))) {
                            cities += km2;
                            anyCity = true;
                        }
                    }
                }
            }
            if (anyCity) {
                out.put("", cities);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read land areas", e);
        }
        return out;
    }

    public BlindSpots blindSpots(Scope scope, String areaCode, int limit) {
        Area area = areas.forGrouping(scope, areaCode, null);
        String prefix = area == null ? "" : area.path;
        requireBook();
        return coverage.read(book -> blindSpots(book, scope, area == null ? null : area.code, prefix, limit));
    }

    /** Uncovered sites and grids under {@code prefix}, newest first, at most {@code limit} of each with their cameras. */
    static BlindSpots blindSpots(CoverageBook book, Scope scope, String areaCode, String prefix, int limit) {
        List<CoverageBook.Site> sites = book.sites().stream()
                .filter(s -> !s.covered && s.spec.areaPath().startsWith(prefix) && scope.allows(s.spec.areaPath()))
                .sorted(Comparator.comparing((CoverageBook.Site s) -> s.uncoveredSince, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(s -> s.spec.code())).toList();
        List<CoverageBook.Grid> grids = book.grids().stream()
                .filter(g -> g.online == 0 && g.path.startsWith(prefix) && scope.allows(g.path))
                .sorted(Comparator.comparing((CoverageBook.Grid g) -> g.uncoveredSince, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(g -> g.code)).toList();
        return new BlindSpots(areaCode, Instant.now(), sites.size(), grids.size(),
                sites.stream().limit(limit).map(s -> new BlindSpots.SiteGap(s.spec.code(), s.spec.name(), s.spec.category(),
                        AreaPath.code(s.spec.areaPath()), s.uncoveredSince, s.good, s.spec.minOnline(), s.spec.maxPointClass(),
                        channels(s.seenBy))).toList(),
                grids.stream().limit(limit).map(g -> new BlindSpots.GridGap(g.code, g.path, g.uncoveredSince, channels(g.members))).toList());
    }

    private static List<BlindSpots.Channel> channels(List<CoverageBook.Cam> cams) {
        return cams.stream().map(c -> new BlindSpots.Channel(c.gbId, c.pointClass, c.state.name(), c.since, c.cause)).toList();
    }

    private void requireBook() {
        if (!coverage.ready()) {
            throw new ApiException(city.vigil.platform.ApiError.NOT_READY, "coverage is being built; try again in a few seconds");
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

}
