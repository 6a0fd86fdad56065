package city.vigil.rates;

import city.vigil.area.AreaLevel;
import city.vigil.platform.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The dimensions the rates API groups by. */
public enum RateGroupBy {
    DISTRICT("district", AreaLevel.DISTRICT),
    STREET("street", AreaLevel.STREET),
    COMMUNITY("community", AreaLevel.COMMUNITY),
    GRID("grid", AreaLevel.GRID),
    POINT_CLASS("pointClass", null),
    MAINTAINER("maintainer", null),
    OWNER("owner", null);

    public final String param;
    /** The area level whose areas are the groups; null for the other dimensions. */
    final AreaLevel level;

    RateGroupBy(String param, AreaLevel level) {
        this.param = param;
        this.level = level;
    }

    /**
     * None, one dimension, or two separated by a comma: an area level ({@code district} … {@code grid}) then
     * {@code pointClass}, {@code maintainer} or {@code owner}, the pairs the counters hold.
     */
    static List<RateGroupBy> parseAll(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String[] names = value.split(",", -1);
        if (names.length > 2) {
            throw ApiException.invalid("groupBy", "at most two dimensions, separated by a comma (such as district,pointClass)");
        }
        List<RateGroupBy> dimensions = Arrays.stream(names).map(RateGroupBy::parse).toList();
        if (dimensions.contains(null)) {
            throw ApiException.invalid("groupBy", "'" + value.trim() + "' has an empty dimension");
        }
        if (dimensions.size() == 2 && (dimensions.get(0).level == null || dimensions.get(1).level != null)) {
            throw ApiException.invalid("groupBy", "two dimensions are an area level (district, street, community, grid) then pointClass, maintainer or owner, not '"
                    + value.trim() + "'");
        }
        return dimensions;
    }

    /** The grouping by the areas of this level (DISTRICT … GRID). */
    public static RateGroupBy ofLevel(AreaLevel level) {
        return Arrays.stream(values()).filter(g -> g.level == level).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no grouping by " + level));
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
