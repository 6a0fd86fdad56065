package city.vigil.coverage;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Map data for an area as GeoJSON: sites coloured by coverage, cameras coloured by state with their view sectors.
 * Bounded: beyond {@value #MAX_CAMERAS} cameras, or below zoom {@value #DETAIL_ZOOM}, cameras come as clusters (one
 * point per cell, with counts by state) and without sectors; sites beyond {@value #MAX_SITES} likewise.
 */
@ApplicationScoped
public class CoverageMap {
    static final int MAX_CAMERAS = 2_000;
    static final int MAX_SITES = 2_000;
    static final int DETAIL_ZOOM = 15;

    private final CoverageService coverage;
    private final AreaService areas;
    private final ObjectMapper json;

    CoverageMap(CoverageService coverage, AreaService areas, ObjectMapper json) {
        this.coverage = coverage;
        this.areas = areas;
        this.json = json;
    }

    /** {@code bbox} (minLon, minLat, maxLon, maxLat) narrows the area; {@code zoom} as web maps count it (0–22). */
    public ObjectNode map(Scope scope, String areaCode, double[] bbox, int zoom) {
        if (zoom < 0 || zoom > 22) {
            throw ApiException.invalid("zoom", "must be between 0 and 22");
        }
        Area area = areas.forGrouping(scope, areaCode, null);
        String prefix = area == null ? "" : area.path;
        if (!coverage.ready()) {
            throw new ApiException(city.vigil.platform.ApiError.NOT_READY, "coverage is being built; try again in a few seconds");
        }
        return coverage.read(book -> {
            ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection");
            ArrayNode features = fc.putArray("features");
            int sites = 0;
            for (CoverageBook.Site s : book.sites()) {
                if (s.spec.areaPath().startsWith(prefix) && scope.allows(s.spec.areaPath()) && inside(bbox, s.spec.lat(), s.spec.lon())) {
                    if (++sites > MAX_SITES) {
                        break;
                    }
                    ObjectNode p = point(features, s.spec.lon(), s.spec.lat()).put("kind", "site").put("code", s.spec.code()).put("name", s.spec.name())
                            .put("category", s.spec.category()).put("covered", s.covered).put("onlineCameras", s.good).put("required", s.spec.minOnline())
                            .put("radiusM", s.spec.radius());
                    p.put("color", s.covered ? "#2e7d32" : "#c62828");
                }
            }
            java.util.List<CoverageBook.Cam> cams = new java.util.ArrayList<>();
            for (CoverageBook.Cam c : book.cameras()) {
                if (c.view != null && c.inArea(prefix, scope) && inside(bbox, c.view.lat(), c.view.lon())) {
                    cams.add(c);
                }
            }
            boolean detail = zoom >= DETAIL_ZOOM && cams.size() <= MAX_CAMERAS;
            if (detail) {
                for (CoverageBook.Cam c : cams) {
                    point(features, c.view.lon(), c.view.lat()).put("kind", "camera").put("gbId", c.gbId).put("pointClass", c.pointClass)
                            .put("state", c.state.name()).put("color", color(c));
                    ObjectNode sector = features.addObject().put("type", "Feature");
                    ObjectNode geometry = sector.putObject("geometry").put("type", "Polygon");
                    ArrayNode ring = geometry.putArray("coordinates").addArray();
                    for (double[] p : c.view.ring(12)) {
                        ring.addArray().add(round(p[0])).add(round(p[1]));
                    }
                    sector.putObject("properties").put("kind", "view").put("gbId", c.gbId).put("state", c.state.name()).put("color", color(c));
                }
            } else {
                // Cells about a quarter of a map tile wide at this zoom.
                double cell = 360.0 / (1L << zoom) / 4;
                Map<String, long[]> clusters = new HashMap<>();
                Map<String, double[]> centres = new HashMap<>();
                for (CoverageBook.Cam c : cams) {
                    String key = (long) Math.floor(c.view.lon() / cell) + ":" + (long) Math.floor(c.view.lat() / cell);
                    long[] n = clusters.computeIfAbsent(key, k -> new long[4]);
                    // Unknown is neither up nor down: counted apart, so a cluster of cameras not yet probed is not red.
                    n[c.online() ? c.good() ? 0 : 1 : c.state == city.vigil.status.LinkState.UNKNOWN ? 3 : 2]++;
                    double[] centre = centres.computeIfAbsent(key, k -> new double[3]);
                    centre[0] += c.view.lon();
                    centre[1] += c.view.lat();
                    centre[2]++;
                }
                clusters.forEach((key, n) -> {
                    double[] centre = centres.get(key);
                    long known = n[0] + n[1] + n[2];
                    point(features, centre[0] / centre[2], centre[1] / centre[2]).put("kind", "cluster").put("cameras", known + n[3])
                            .put("online", n[0]).put("degraded", n[1]).put("down", n[2]).put("unknown", n[3])
                            .put("color", known == 0 ? "#9e9e9e" : n[2] == 0 ? "#2e7d32" : n[2] * 2 > known ? "#c62828" : "#f9a825");
                });
            }
            fc.putObject("properties").put("sites", Math.min(sites, MAX_SITES)).put("sitesTruncated", sites > MAX_SITES).put("cameras", cams.size())
                    .put("clustered", !detail).put("zoom", zoom);
            return fc;
        });
    }

    /** Cell of the position sample below: about 500 m, so a district's outline has a few thousand points, not 100,000 cameras. */
    private static final double OUTLINE_CELL = 0.005;

    /**
     * Positions (lon, lat) of the area's cameras, one per ~500 m cell, by the code of the area one level below that
     * holds them ({@code segment}: which part of the path names it): what a map outlines an area by when it has no
     * boundary. The hull of the sample is the hull of all the cameras within a cell's width.
     */
    public Map<String, java.util.List<double[]>> positionsBelow(Scope scope, String areaCode, int segment) {
        Area area = areas.forGrouping(scope, areaCode, null);
        String prefix = area == null ? "" : area.path;
        if (!coverage.ready()) {
            throw new ApiException(city.vigil.platform.ApiError.NOT_READY, "coverage is being built; try again in a few seconds");
        }
        return coverage.read(book -> {
            Map<String, Map<Long, double[]>> cells = new HashMap<>();
            for (CoverageBook.Cam c : book.cameras()) {
                if (c.view == null || !c.inArea(prefix, scope)) {
                    continue;
                }
                String[] parts = c.areaPath.split("/");
                if (parts.length >= segment) {
                    long cell = (long) Math.floor(c.view.lon() / OUTLINE_CELL) * 1_000_000L + (long) Math.floor(c.view.lat() / OUTLINE_CELL);
                    cells.computeIfAbsent(parts[segment - 1], k -> new HashMap<>()).putIfAbsent(cell, new double[] {c.view.lon(), c.view.lat()});
                }
            }
            Map<String, java.util.List<double[]>> out = new HashMap<>();
            cells.forEach((code, sample) -> out.put(code, new java.util.ArrayList<>(sample.values())));
            return out;
        });
    }

    private ObjectNode point(ArrayNode features, double lon, double lat) {
        ObjectNode f = features.addObject().put("type", "Feature");
        f.putObject("geometry").put("type", "Point").putArray("coordinates").add(round(lon)).add(round(lat));
        return f.putObject("properties");
    }

    private static String color(CoverageBook.Cam c) {
        return c.good() ? "#2e7d32" : c.online() ? "#f9a825" : c.state == city.vigil.status.LinkState.UNKNOWN ? "#9e9e9e" : "#c62828";
    }

    private static boolean inside(double[] bbox, double lat, double lon) {
        return bbox == null || (lon >= bbox[0] && lat >= bbox[1] && lon <= bbox[2] && lat <= bbox[3]);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
