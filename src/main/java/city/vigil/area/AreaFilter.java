package city.vigil.area;

/** Filters of the area list; null means "any". */
public record AreaFilter(AreaLevel level, String parentCode, String under, String text) {
}
