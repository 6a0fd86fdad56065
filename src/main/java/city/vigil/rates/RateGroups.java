package city.vigil.rates;


import java.util.ArrayList;
import java.util.List;

/**
 * The counter groups one channel belongs to. Each area on its path and "all", each crossed with "all", its point
 * class, its maintainer unit and its owner unit: the rates of any area level by class, maintainer or owner are lookups.
 */
public final class RateGroups {
    /** Key part meaning "all areas", "all classes" or "all maintainers". */
    static final String ALL = "*";
    /** The maintainer key of channels without one. */
    static final String NO_MAINTAINER = "-";

    private RateGroups() {
    }

    /** The groups of a channel at {@code areaPath} of this point class, maintainer and owner unit (null: none). */
    public static List<String> of(String areaPath, int pointClass, String maintainerUnit, String ownerUnit) {
        String pointClassKey = "c" + pointClass;
        String maintainer = "m" + maintainerKey(maintainerUnit);
        String owner = "o" + maintainerKey(ownerUnit);
        List<String> groups = new ArrayList<>(24);
        addArea(groups, ALL, pointClassKey, maintainer, owner);
        for (String area : areaPath.split("/")) {
            if (!area.isEmpty()) {
                addArea(groups, area, pointClassKey, maintainer, owner);
            }
        }
        return groups;
    }

    /** The key of an area's group of one owner unit ("" or null: channels without one). */
    public static String ownerKey(String areaCode, String owner) {
        return ownerPrefix(areaCode) + maintainerKey(owner);
    }

    /** What the keys of an area's owner groups start with; the owner follows. */
    public static String ownerPrefix(String areaCode) {
        return (areaCode == null ? ALL : areaCode) + "|o";
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

    private static void addArea(List<String> groups, String area, String pointClass, String maintainer, String owner) {
        groups.add(area + "|" + ALL);
        groups.add(area + "|" + pointClass);
        groups.add(area + "|" + maintainer);
        groups.add(area + "|" + owner);
    }

    /** What the keys of an area's maintainer groups start with; the maintainer follows. */
    public static String maintainerPrefix(String areaCode) {
        return (areaCode == null ? ALL : areaCode) + "|m";
    }

    /** The maintainer or owner a key part names (null for channels without one). */
    public static String maintainerOf(String keyPart) {
        return keyPart.equals(NO_MAINTAINER) ? null : keyPart;
    }

    private static String maintainerKey(String maintainer) {
        return maintainer == null || maintainer.isEmpty() ? NO_MAINTAINER : maintainer;
    }
}
