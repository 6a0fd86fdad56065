package city.vigil.status;

import city.vigil.platform.RedisKeys;
import city.vigil.probe.ProbeCause;
import city.vigil.rates.RateCounts;
import city.vigil.rates.RateGroups;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status store shared by replicas. Each channel's status is one string; {@code SET … GET} swaps it and returns
 * the previous one atomically, so the counter moves derived from (previous, next) add up exactly even when writers
 * race. A batch of changes is two pipelined round trips: every swap, then the net counter moves in one MULTI/EXEC
 * (one command a change would make a district's power cut take a minute to reach the rates). If a writer dies between
 * the two, counters drift until the next rebuild, which is what Redis is for here: fast and rebuildable, never the
 * record.
 */
public final class RedisStatusStore implements StatusStore {
    private static final int BATCH = 1_000;

    private final RedisDataSource redis;
    private final RedisKeys keys;
    private final ValueCommands<String, String> values;
    private final HashCommands<String, String, Long> hashes;
    private final Redis client;

    public RedisStatusStore(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.values = redis.value(String.class);
        this.hashes = redis.hash(String.class, String.class, Long.class);
        this.client = redis.getReactive().getRedis();
    }

    @Override
    public Optional<ChannelStatus> get(String gbId) {
        return Optional.ofNullable(values.get(keys.channel(gbId))).map(v -> decode(gbId, v));
    }

    @Override
    public Map<String, ChannelStatus> getAll(Collection<String> gbIds) {
        Map<String, ChannelStatus> found = new HashMap<>();
        List<String> ids = List.copyOf(gbIds);
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + BATCH));
            Map<String, String> values = this.values.mget(part.stream().map(keys::channel).toArray(String[]::new));
            for (String id : part) {
                String v = values.get(keys.channel(id));
                if (v != null) {
                    found.put(id, decode(id, v));
                }
            }
        }
        return found;
    }

    @Override
    public void put(ChannelStatus status) {
        apply(List.of(Change.put(status)));
    }

    @Override
    public void remove(String gbId) {
        apply(List.of(Change.removal(gbId)));
    }

    @Override
    public void apply(List<Change> changes) {
        for (int i = 0; i < changes.size(); i += BATCH) {
            applyPart(changes.subList(i, Math.min(changes.size(), i + BATCH)));
        }
    }

    private void applyPart(List<Change> part) {
        List<Request> swaps = new ArrayList<>(part.size());
        for (Change c : part) {
            String key = keys.channel(c.gbId());
            swaps.add(c.status() == null ? Request.cmd(Command.GETDEL).arg(key)
                    : Request.cmd(Command.SET).arg(key).arg(encode(c.status())).arg("GET"));
        }
        List<Response> previous = client.batchAndAwait(swaps);
        Map<String, long[]> moves = new LinkedHashMap<>();
        for (int i = 0; i < part.size(); i++) {
            Response was = previous.get(i);
            if (was != null && was.getDelegate() != null) {
                count(moves, decode(part.get(i).gbId(), was.toString()), -1);
            }
            if (part.get(i).status() != null) {
                count(moves, part.get(i).status(), 1);
            }
        }
        List<Request> transaction = new ArrayList<>();
        transaction.add(Request.cmd(Command.MULTI));
        moves.forEach((group, delta) -> {
            for (ChannelStatus.Counter c : ChannelStatus.Counter.values()) {
                if (delta[c.ordinal()] != 0) {
                    transaction.add(Request.cmd(Command.HINCRBY).arg(keys.rates(group)).arg(c.name()).arg(delta[c.ordinal()]));
                }
            }
        });
        if (transaction.size() > 1) {
            transaction.add(Request.cmd(Command.EXEC));
            client.batchAndAwait(transaction);
        }
    }

    private static void count(Map<String, long[]> moves, ChannelStatus status, int sign) {
        List<ChannelStatus.Counter> fields = status.counters();
        for (String group : RateGroups.of(status.areaPath(), status.pointClass(), status.maintainer(), status.owner())) {
            long[] delta = moves.computeIfAbsent(group, g -> new long[ChannelStatus.Counter.values().length]);
            fields.forEach(f -> delta[f.ordinal()] += sign);
        }
    }

    @Override
    public RateCounts counts(String areaCode, Integer pointClass, String maintainer) {
        return read(RateGroups.key(areaCode, pointClass, maintainer));
    }

    @Override
    public RateCounts ownerCounts(String areaCode, String owner) {
        return read(RateGroups.ownerKey(areaCode, owner));
    }

    private RateCounts read(String group) {
        Map<String, Long> c = hashes.hgetall(keys.rates(group));
        long[] values = new long[ChannelStatus.Counter.values().length];
        for (ChannelStatus.Counter counter : ChannelStatus.Counter.values()) {
            Long v = c.get(counter.name());
            values[counter.ordinal()] = v == null ? 0 : v;
        }
        return RateCounts.of(values);
    }

    @Override
    public List<String> maintainers(String areaCode) {
        return units(RateGroups.maintainerPrefix(areaCode));
    }

    @Override
    public List<String> owners(String areaCode) {
        return units(RateGroups.ownerPrefix(areaCode));
    }

    /** The units named by the counter hashes under {@code groupPrefix} that count anything (a unit whose cameras all left keeps a zeroed hash). */
    private List<String> units(String groupPrefix) {
        String prefix = keys.rates(groupPrefix);
        List<String> found = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match(escapeGlob(prefix) + "*").count(BATCH)).toIterable().forEach(k -> {
            if (hashes.hgetall(k).values().stream().anyMatch(v -> v != 0)) {
                found.add(RateGroups.maintainerOf(k.substring(prefix.length())));
            }
        });
        found.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return found;
    }

    private static String escapeGlob(String s) {
        return s.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @Override
    public long size() {
        return counts(null, null, null).total();
    }

    /** Deletes everything under the prefix, writes the statuses and their counters in batches, then the marker. */
    @Override
    public void replaceAll(Collection<ChannelStatus> statuses) {
        List<String> old = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match(keys.all()).count(BATCH)).toIterable().forEach(old::add);
        for (int i = 0; i < old.size(); i += BATCH) {
            redis.key().del(old.subList(i, Math.min(old.size(), i + BATCH)).toArray(String[]::new));
        }
        Map<String, long[]> counters = new HashMap<>();
        Map<String, String> batch = new LinkedHashMap<>();
        for (ChannelStatus s : statuses) {
            batch.put(keys.channel(s.gbId()), encode(s));
            if (batch.size() == BATCH) {
                values.mset(batch);
                batch.clear();
            }
            List<ChannelStatus.Counter> fields = s.counters();
            for (String group : RateGroups.of(s.areaPath(), s.pointClass(), s.maintainer(), s.owner())) {
                long[] c = counters.computeIfAbsent(group, g -> new long[ChannelStatus.Counter.values().length]);
                fields.forEach(f -> c[f.ordinal()]++);
            }
        }
        if (!batch.isEmpty()) {
            values.mset(batch);
        }
        for (Map.Entry<String, long[]> e : counters.entrySet()) {
            Map<String, Long> fields = new HashMap<>();
            for (ChannelStatus.Counter c : ChannelStatus.Counter.values()) {
                fields.put(c.name(), e.getValue()[c.ordinal()]);
            }
            hashes.hset(keys.rates(e.getKey()), fields);
        }
        values.set(keys.intactMarker(), Instant.now().toString());
    }

    @Override
    public boolean intact() {
        return redis.key().exists(keys.intactMarker());
    }

    static String encode(ChannelStatus s) {
        return String.join("\t", s.areaPath(), Integer.toString(s.pointClass()), s.maintainer() == null ? "" : s.maintainer().replace('\t', ' '),
                s.state().name(), flag(s.flapping()), flag(s.inService()), flag(s.inMaintenance()), flag(s.networked()), flag(s.complete()),
                flag(s.intact()), Long.toString(s.since().toEpochMilli()), s.cause() == null ? "" : s.cause().name(),
                s.owner() == null ? "" : s.owner().replace('\t', ' '));
    }

    static ChannelStatus decode(String gbId, String value) {
        String[] f = value.split("\t", -1);
        // The owner came last, later: a value written before it has none.
        String owner = f.length > 12 && !f[12].isEmpty() ? f[12] : null;
        return new ChannelStatus(gbId, f[0], Integer.parseInt(f[1]), f[2].isEmpty() ? null : f[2], owner, LinkState.valueOf(f[3]),
                f[4].equals("1"), f[5].equals("1"), f[6].equals("1"), f[7].equals("1"), f[8].equals("1"), f[9].equals("1"),
                Instant.ofEpochMilli(Long.parseLong(f[10])), f[11].isEmpty() ? null : ProbeCause.valueOf(f[11]));
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
