package city.vigil.platform;

/** Every Redis key Vigil uses, built here only, under one prefix (tests use their own and delete it after). */
public final class RedisKeys {
    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }


    /** The live status of one channel. */
    public String channel(String gbId) {
        return prefix + "ch:" + gbId;
    }

    /** Rate counters of one group (see the monitor's RateGroups): a hash of bucket → count. */
    public String rates(String group) {
        return prefix + "rates:" + group;
    }

    /** Set when the live state was last rebuilt; its absence means Redis lost the state (flushed, restarted). */
    public String intactMarker() {
        return prefix + "intact";
    }

    /** Pattern matching every key under the prefix, for cleaning up. */
    public String all() {
        return prefix + "*";
    }
}
