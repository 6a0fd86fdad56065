package city.vigil.monitor;

import city.vigil.area.AreaLevel;
import city.vigil.camera.CameraGroup;
import city.vigil.platform.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The dimensions the rates API groups by, with the registry column that yields each group's key. */
public enum RateGroupBy {
    DISTRICT("district", CameraGroup.DISTRICT.sql, AreaLevel.DISTRICT),
    STREET("street", CameraGroup.STREET.sql, AreaLevel.STREET),
    POINT_CLASS("pointClass", "point_class", null),
    MAINTAINER("maintainer", "maintainer_unit", null);

    public final String param;
    final String sql;
    /** The area level whose areas are the groups; null for the other dimensions. */
    final AreaLevel level;

    RateGroupBy(String param, String sql, AreaLevel level) {
        this.param = param;
        this.sql = sql;
        this.level = level;
    }

    /** Null (totals only) when absent. */
    static RateGroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(g -> g.param.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> ApiException.invalid("groupBy", "'" + value.trim() + "' is not one of "
                        + Arrays.stream(values()).map(g -> g.param).collect(Collectors.joining(", "))));
    }
}
