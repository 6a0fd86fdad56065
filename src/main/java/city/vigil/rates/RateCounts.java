package city.vigil.rates;


/**
 * Channels of one group (an area at any level, optionally one point class or one maintainer unit) by state, and the
 * registry facts over those in use. Monitored channels are the IN_USE ones outside maintenance whose state is known
 * (DESIGN §1); the online rate counts DEGRADED as online.
 */
public record RateCounts(long online, long degraded, long offline, long unreachable, long unknown, long maintenance,
                         long outOfService, long inUse, long networked, long complete, long intact) {

    public static final RateCounts EMPTY = new RateCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Counts from values indexed by the status store's counter ordinals. */
    public static RateCounts of(long[] c) {
        return new RateCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
    }

    public long monitored() {
        return online + degraded + offline + unreachable;
    }

    public long total() {
        return monitored() + unknown + maintenance + outOfService;
    }

    /** (ONLINE + DEGRADED) / monitored, or null when nothing is monitored. */
    public Double onlineRate() {
        return monitored() == 0 ? null : (online + degraded) / (double) monitored();
    }

    /** 完好率: ONLINE with a picture that passed its newest deep check / monitored, or null when nothing is monitored. */
    public Double intactRate() {
        return monitored() == 0 ? null : intact / (double) monitored();
    }

    /** 联网率: networked / in use. */
    public Double networkingRate() {
        return inUse == 0 ? null : networked / (double) inUse;
    }

    /** 信息完整率: records with every mandatory field / in use. */
    public Double completeness() {
        return inUse == 0 ? null : complete / (double) inUse;
    }
}
