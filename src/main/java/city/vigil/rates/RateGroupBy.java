package city.vigil.rates;

import city.vigil.area.AreaLevel;
import city.vigil.platform.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The dimensions the rates API groups by. */
public enum RateGroupBy {
    DISTRICT("district", AreaLevel.DISTRICT),
    STREET("street", AreaLevel.STREET),
    POINT_CLASS("pointClass", null),
    MAINTAINER("maintainer", null);

    public final String param;
    /** The area level whose areas are the groups; null for the other dimensions. */
    final AreaLevel level;

    RateGroupBy(String param, AreaLevel level) {
        this.param = param;
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
