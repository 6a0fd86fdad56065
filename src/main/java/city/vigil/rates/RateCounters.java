package city.vigil.rates;

import java.util.List;

/**
 * Where the rates are read: counters per area, point class, maintainer unit and owner unit that the status store moves with every
 * change of a channel, so a rate is a lookup whatever the area's size.
 */
public interface RateCounters {

    /**
     * Counts for an area (any level; null for everything), narrowed to one point class or one maintainer unit (both
     * null for all; a maintainer of "" means channels without one).
     */
    RateCounts counts(String areaCode, Integer pointClass, String maintainer);

    default RateCounts counts(String areaCode, Integer pointClass) {
        return counts(areaCode, pointClass, null);
    }

    /** The maintainer units with channels in an area (null for everything); null stands for channels without one. */
    List<String> maintainers(String areaCode);

    /** Counts for an area (null for everything) narrowed to one owner unit ("" for channels without one). */
    RateCounts ownerCounts(String areaCode, String owner);

    /** The owner units with channels in an area (null for everything); null stands for channels without one. */
    List<String> owners(String areaCode);
}
