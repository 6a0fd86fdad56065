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

    /** Rate counters of one group (area code or * for all, point class or * for all): a hash of bucket → count. */
    public String rates(String area, String pointClass) {
        return prefix + "rates:" + area + "|" + pointClass;
    }

    /** Pattern matching every key under the prefix, for cleaning up. */
    public String all() {
        return prefix + "*";
    }
}
