package city.vigil.platform;

import com.fasterxml.jackson.databind.JsonNode;

/** Validates the GeoJSON geometries the registry stores: Polygon and MultiPolygon in WGS-84 [lon, lat]. */
public final class GeoJson {
    private GeoJson() {
    }

    public static void checkPolygon(Checks checks, String field, JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            return;
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray()) {
            checks.fail(field, "must be a GeoJSON Polygon or MultiPolygon with coordinates");
            return;
        }
        switch (type) {
            case "Polygon" -> checkRings(checks, field, coordinates);
            case "MultiPolygon" -> {
                if (coordinates.isEmpty()) {
                    checks.fail(field, "MultiPolygon needs at least one polygon");
                }
                for (JsonNode polygon : coordinates) {
                    checkRings(checks, field, polygon);
                }
            }
            default -> checks.fail(field + ".type", "must be Polygon or MultiPolygon");
        }
    }

    private static void checkRings(Checks checks, String field, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            checks.fail(field, "a polygon needs at least one linear ring");
            return;
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                checks.fail(field, "a linear ring needs at least 4 positions");
                return;
            }
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                    checks.fail(field, "positions must be [longitude, latitude] numbers");
                    return;
                }
                double lon = position.get(0).asDouble();
                double lat = position.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    checks.fail(field, "position [" + lon + ", " + lat + "] is outside WGS-84 longitude/latitude ranges");
                    return;
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                checks.fail(field, "a linear ring must end where it starts");
                return;
            }
        }
    }
}
