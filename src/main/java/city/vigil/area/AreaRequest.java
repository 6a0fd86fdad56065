package city.vigil.area;

import city.vigil.platform.Checks;
import city.vigil.platform.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** The writable fields of an area. */
public record AreaRequest(String code, String name, AreaLevel level, String parentCode, BigDecimal landAreaKm2,
                          JsonNode boundary) {

    Checks check() {
        Checks checks = new Checks();
        if (checks.required("code", code) && level != null && !level.accepts(code)) {
            checks.fail("code", "a " + level + " code must be " + level.codeFormat);
        }
        checks.required("name", name);
        checks.maxLength("name", name, 128);
        checks.required("level", level);
        if (level == AreaLevel.CITY && parentCode != null) {
            checks.fail("parentCode", "a CITY is a root and has no parent");
        } else if (level != null && level != AreaLevel.CITY) {
            checks.required("parentCode", parentCode);
        }
        checks.range("landAreaKm2", landAreaKm2, 0, 1_000_000);
        GeoJson.checkPolygon(checks, "boundary", boundary);
        return checks;
    }
}
