package city.vigil.dashboard;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaPath;
import city.vigil.area.AreaService;
import city.vigil.coverage.CoverageMap;
import city.vigil.platform.Scope;
import city.vigil.rates.RateGroupBy;
import city.vigil.rates.Rates;
import city.vigil.rates.RatesService;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;

/**
 * Builds an area's map through the coverage map, the rates and the areas' boundaries, with the caller's scope. A city's
 * map walks every camera twice (outlines, clusters): each area's map is kept for {@code vigil.dashboard.history-ttl}
 * per caller scope and says when it was drawn.
 */
@ApplicationScoped
public class MapService {
    private final AreaService areas;
    private final RatesService rates;
    private final CoverageMap coverage;
    private final DashboardConfig config;
    private final Kept<Key, MapView> kept = new Kept<>(500);

    private record Key(Scope scope, String areaCode) {
    }

    MapService(AreaService areas, RatesService rates, CoverageMap coverage, DashboardConfig config) {
        this.areas = areas;
        this.rates = rates;
        this.coverage = coverage;
        this.config = config;
    }

    public MapView map(Scope scope, String areaCode) {
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
        return kept.get(new Key(scope, areaCode), config.historyTtl(), () -> draw(scope, area, Instant.now()));
    }

    private MapView draw(Scope scope, Area area, Instant now) {
        String areaCode = area == null ? null : area.code;
        AreaLevel below = area == null ? AreaLevel.DISTRICT : area.level == AreaLevel.GRID ? null : AreaLevel.values()[area.level.ordinal() + 1];
        Map<String, String> names = new HashMap<>();
        Map<String, Double> online = new HashMap<>();
        Map<String, List<double[]>> outlines = new HashMap<>();
        if (below != null) {
            for (Rates.Row row : rates.rates(scope, areaCode, RateGroupBy.ofLevel(below).param).groups()) {
                names.put(row.key(), row.name());
                online.put(row.key(), row.onlineRate());
            }
            coverage.positionsBelow(scope, areaCode, AreaPath.childSegment(area == null ? null : area.path))
                    .forEach((code, points) -> outlines.put(code, MapView.hull(points)));
            // A boundary drawn by the registry beats the hull of whatever cameras happen to stand there.
            areas.boundariesAtLevel(area, below).forEach((code, geometry) -> outlines.put(code, MapView.ring(geometry)));
        }
        // Whole city: clusters about 8 km wide (a few hundred); a district: about 1 km; a street and below: each camera.
        int zoom = area == null || area.level == AreaLevel.CITY ? 10 : area.level == AreaLevel.DISTRICT ? 13 : 16;
        JsonNode geo = coverage.map(scope, areaCode, null, zoom);
        // Above a street, every key site would be a crowd of rings: there the map shows the uncovered ones, the blind spots.
        boolean allSites = area != null && area.level.ordinal() >= AreaLevel.STREET.ordinal();
        return MapView.draw(geo, outlines, names, online, allSites, now);
    }
}
