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

/** Builds an area's map through the coverage map, the rates and the areas' boundaries, with the caller's scope. */
@ApplicationScoped
public class MapService {
    private final AreaService areas;
    private final RatesService rates;
    private final CoverageMap coverage;

    MapService(AreaService areas, RatesService rates, CoverageMap coverage) {
        this.areas = areas;
        this.rates = rates;
        this.coverage = coverage;
    }

    public MapView map(Scope scope, String areaCode) {
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
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
        // Whole city: clusters; a district: clusters of a street's size; a street and below: each camera with its state.
        int zoom = area == null ? 11 : area.level == AreaLevel.CITY ? 11 : area.level == AreaLevel.DISTRICT ? 13 : 16;
        JsonNode geo = coverage.map(scope, areaCode, null, zoom);
        return MapView.draw(geo, outlines, names, online);
    }
}
