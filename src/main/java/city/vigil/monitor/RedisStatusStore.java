package city.vigil.monitor;

import city.vigil.platform.RedisKeys;
import city.vigil.probe.ProbeCause;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The status store shared by replicas. Each channel's status is one string; {@code SET … GET} swaps it and returns
 * the previous one atomically, so the counter moves derived from (previous, next) add up exactly even when writers
 * race. The moves go in one MULTI/EXEC. If a writer dies between the two, counters drift until the next rebuild from
 * PostgreSQL, which is what Redis is for here: fast and rebuildable, never the record.
 */
public final class RedisStatusStore implements StatusStore {
    private static final String ALL = "*";

    private final RedisDataSource redis;
    private final RedisKeys keys;
    private final ValueCommands<String, String> values;
    private final HashCommands<String, String, Long> hashes;

    public RedisStatusStore(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.values = redis.value(String.class);
        this.hashes = redis.hash(String.class, String.class, Long.class);
    }

    @Override
    public Optional<ChannelStatus> get(String gbId) {
        return Optional.ofNullable(values.get(keys.channel(gbId))).map(v -> decode(gbId, v));
    }

    @Override
    public void put(ChannelStatus status) {
        String previous = values.setGet(keys.channel(status.gbId()), encode(status));
        move(previous == null ? null : decode(status.gbId(), previous), status);
    }

    @Override
    public void remove(String gbId) {
        String previous = values.getdel(keys.channel(gbId));
        if (previous != null) {
            move(decode(gbId, previous), null);
        }
    }

    @Override
    public RateCounts counts(String areaCode, Integer pointClass) {
        Map<String, Long> c = hashes.hgetall(keys.rates(areaCode == null ? ALL : areaCode, pointClass == null ? ALL : pointClass.toString()));
        return new RateCounts(n(c, ChannelStatus.Bucket.ONLINE), n(c, ChannelStatus.Bucket.DEGRADED), n(c, ChannelStatus.Bucket.OFFLINE),
                n(c, ChannelStatus.Bucket.UNREACHABLE), n(c, ChannelStatus.Bucket.UNKNOWN), n(c, ChannelStatus.Bucket.EXCLUDED));
    }

    @Override
    public long size() {
        return counts(null, null).total();
    }

    private void move(ChannelStatus from, ChannelStatus to) {
        if (from != null && to != null && from.bucket() == to.bucket() && from.areaPath().equals(to.areaPath())
                && from.pointClass() == to.pointClass()) {
            return;
        }
        redis.withTransaction(tx -> {
            var h = tx.hash(String.class, String.class, Long.class);
            if (from != null) {
                for (String key : groups(from)) {
                    h.hincrby(key, from.bucket().name(), -1);
                }
            }
            if (to != null) {
                for (String key : groups(to)) {
                    h.hincrby(key, to.bucket().name(), 1);
                }
            }
        });
    }

    /** The counter keys a status belongs to: all and each area on its path, each × all classes and its class. */
    private java.util.List<String> groups(ChannelStatus s) {
        String pointClass = Integer.toString(s.pointClass());
        java.util.List<String> groups = new java.util.ArrayList<>(java.util.List.of(keys.rates(ALL, ALL), keys.rates(ALL, pointClass)));
        for (String area : s.areaPath().split("/")) {
            if (!area.isEmpty()) {
                groups.add(keys.rates(area, ALL));
                groups.add(keys.rates(area, pointClass));
            }
        }
        return groups;
    }

    private static long n(Map<String, Long> counts, ChannelStatus.Bucket bucket) {
        Long v = counts.get(bucket.name());
        return v == null ? 0 : v;
    }

    static String encode(ChannelStatus s) {
        return String.join("\t", s.areaPath(), Integer.toString(s.pointClass()), s.state().name(), s.flapping() ? "1" : "0",
                s.monitored() ? "1" : "0", Long.toString(s.since().toEpochMilli()), s.cause() == null ? "" : s.cause().name());
    }

    static ChannelStatus decode(String gbId, String value) {
        String[] f = value.split("\t", -1);
        return new ChannelStatus(gbId, f[0], Integer.parseInt(f[1]), LinkState.valueOf(f[2]), f[3].equals("1"), f[4].equals("1"),
                Instant.ofEpochMilli(Long.parseLong(f[5])), f[6].isEmpty() ? null : ProbeCause.valueOf(f[6]));
    }
}
