package city.vigil.rates;


import java.util.ArrayList;
import java.util.List;

/**
 * The counter groups one channel belongs to. Each area on its path and "all", each crossed with "all", its point
 * class and its maintainer unit: the rates of any area level by class or by maintainer are lookups.
 */
public final class RateGroups {
    /** Key part meaning "all areas", "all classes" or "all maintainers". */
    static final String ALL = "*";
    /** The maintainer key of channels without one. */
    static final String NO_MAINTAINER = "-";

    private RateGroups() {
    }

    /** The groups of a channel at {@code areaPath} of this point class and maintainer unit (null: none). */
    public static List<String> of(String areaPath, int pointClass, String maintainerUnit) {
        String pointClassKey = "c" + pointClass;
        String maintainer = "m" + maintainerKey(maintainerUnit);
        List<String> groups = new ArrayList<>(18);
        addArea(groups, ALL, pointClassKey, maintainer);
        for (String area : areaPath.split("/")) {
            if (!area.isEmpty()) {
                addArea(groups, area, pointClassKey, maintainer);
            }
        }
        return groups;
    }

    /** The key of one group: area (or all), and at most one of point class and maintainer. */
    public static String key(String areaCode, Integer pointClass, String maintainer) {
        String area = areaCode == null ? ALL : areaCode;
        if (pointClass != null) {
            return area + "|c" + pointClass;
        }
        if (maintainer != null) {
            return area + "|m" + maintainerKey(maintainer);
        }
        return area + "|" + ALL;
    }

    private static void addArea(List<String> groups, String area, String pointClass, String maintainer) {
        groups.add(area + "|" + ALL);
        groups.add(area + "|" + pointClass);
        groups.add(area + "|" + maintainer);
    }

    /** What the keys of an area's maintainer groups start with; the maintainer follows. */
    public static String maintainerPrefix(String areaCode) {
        return (areaCode == null ? ALL : areaCode) + "|m";
    }

    /** The maintainer a key part names (null for channels without one). */
    public static String maintainerOf(String keyPart) {
        return keyPart.equals(NO_MAINTAINER) ? null : keyPart;
    }

    private static String maintainerKey(String maintainer) {
        return maintainer == null || maintainer.isEmpty() ? NO_MAINTAINER : maintainer;
    }
}
