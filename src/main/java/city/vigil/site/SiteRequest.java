package city.vigil.site;

import city.vigil.platform.Checks;
import city.vigil.platform.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;

/** The writable fields of a key site. */
public record SiteRequest(String code, String name, SiteCategory category, Double lat, Double lon, Double radiusM,
                          JsonNode polygon, String areaCode, Rule rule) {

    /** Coverage rule: at least {@code minOnlineCameras} ONLINE cameras of class ≤ {@code maxPointClass} see the site. */
    public record Rule(Integer minOnlineCameras, Integer maxPointClass) {
    }

    SiteRequest withCode(String c) {
        return new SiteRequest(c, name, category, lat, lon, radiusM, polygon, areaCode, rule);
    }

    Checks check() {
        Checks checks = new Checks();
        if (checks.required("code", code) && !code.matches("[0-9A-Za-z_.-]{1,64}")) {
            checks.fail("code", "must be 1 to 64 letters, digits, '.', '-' or '_'");
        }
        if (checks.required("name", name)) {
            checks.maxLength("name", name, 128);
        }
        checks.required("category", category);
        checks.required("areaCode", areaCode);
        boolean hasPoint = lat != null || lon != null || radiusM != null;
        boolean hasPolygon = polygon != null && !polygon.isNull();
        if (!hasPoint && !hasPolygon) {
            checks.fail("lat", "a site needs a point (lat, lon, radiusM) or a polygon");
        }
        if (hasPoint) {
            checks.required("lat", lat);
            checks.required("lon", lon);
            checks.required("radiusM", radiusM);
            checks.range("lat", lat, -90, 90);
            checks.range("lon", lon, -180, 180);
            if (radiusM != null && !(radiusM > 0 && radiusM <= 5000)) {
                checks.fail("radiusM", "must be above 0 and at most 5000");
            }
        }
        GeoJson.checkPolygon(checks, "polygon", polygon);
        if (rule != null) {
            checks.range("rule.minOnlineCameras", rule.minOnlineCameras(), 1, 1000);
            checks.oneOf("rule.maxPointClass", rule.maxPointClass(), 1, 2, 3, 4, 9);
        }
        return checks;
    }
}
