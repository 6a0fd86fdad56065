package city.vigil.site;

/**
 * Key-site categories (重点部位), from GB 37300 scope, GB/T 28181 PositionType, the 一机一档 SXJWZLX codes and
 * Guangzhou's 2007 regulation (shared/data/domain-reference.md §7).
 */
public enum SiteCategory {
    SCHOOL_PERIMETER, HOSPITAL, METRO_STATION, RAILWAY_STATION, PIER, AIRPORT, BUS_HUB, HAZMAT_SITE, GAS_STATION,
    URBAN_VILLAGE, COMMERCIAL_CENTRE, GOVERNMENT_BUILDING, SQUARE, FINANCIAL_INSTITUTION, STADIUM, RELIGIOUS_SITE,
    TOURIST_SITE, CITY_ENTRANCE, TUNNEL_OR_BRIDGE, OTHER;

    /** The category by its name, any case; empty for anything else. */
    public static java.util.Optional<SiteCategory> of(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(c -> c.name().equals(n)).findFirst();
    }

    /** Every name, for an error message. */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList());
    }
}
