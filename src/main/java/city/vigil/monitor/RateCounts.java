package city.vigil.monitor;

/**
 * Channels of one group (an area at any level, optionally one point class or one maintainer unit) by state.
 * Monitored channels are the IN_USE ones outside maintenance whose state is known (DESIGN §1); the online rate
 * counts DEGRADED as online.
 */
public record RateCounts(long online, long degraded, long offline, long unreachable, long unknown, long maintenance,
                         long outOfService) {

    public static final RateCounts EMPTY = new RateCounts(0, 0, 0, 0, 0, 0, 0);

    /** Counts from values indexed by {@link ChannelStatus.Bucket} ordinal. */
    static RateCounts of(long[] byBucket) {
        return new RateCounts(byBucket[0], byBucket[1], byBucket[2], byBucket[3], byBucket[4], byBucket[5], byBucket[6]);
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
}
