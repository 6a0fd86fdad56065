package city.vigil.availability;

import city.vigil.area.AreaLevel;
import city.vigil.platform.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The groups of an availability report, with the SQL that names a row's group (over area_path, point_class …). */
enum AvailabilityGroupBy {
    DISTRICT("district", AreaLevel.DISTRICT, "split_part(%s, '/', 2)"),
    STREET("street", AreaLevel.STREET, "split_part(%s, '/', 3)"),
    POINT_CLASS("pointClass", null, "point_class::text"),
    MAINTAINER("maintainer", null, "maintainer_unit"),
    OWNER("owner", null, "owner_unit"),
    /** Key-site category (school gate, metro entrance …): from the per-category rollups. */
    SITE_CATEGORY("siteCategory", null, "site_category");

    final String param;
    final AreaLevel level;
    private final String sql;

    AvailabilityGroupBy(String param, AreaLevel level, String sql) {
        this.param = param;
        this.level = level;
        this.sql = sql;
    }

    String key(String areaPathColumn) {
        return sql.formatted(areaPathColumn);
    }

    /** Null (totals only) when absent. */
    static AvailabilityGroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(g -> g.param.equals(value.trim())).findFirst().orElseThrow(() -> ApiException.invalid("groupBy",
                "must be one of " + Arrays.stream(values()).map(g -> g.param).collect(Collectors.joining(", "))));
    }
}
