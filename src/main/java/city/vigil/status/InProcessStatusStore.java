package city.vigil.status;

import city.vigil.rates.RateCounts;
import city.vigil.rates.RateGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The status store of a single node: a map of channel statuses and, per {@link RateGroups group}, one counter per
 * bucket. Updates to one channel are serialised by the map; counters are atomic, so concurrent updates of different
 * channels keep every total exact.
 */
public final class InProcessStatusStore implements StatusStore {
    private static final int COUNTERS = ChannelStatus.Counter.values().length;

    private final Map<String, ChannelStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLongArray> counters = new ConcurrentHashMap<>();

    @Override
    public Optional<ChannelStatus> get(String gbId) {
        return Optional.ofNullable(statuses.get(gbId));
    }

    @Override
    public void put(ChannelStatus status) {
        statuses.compute(status.gbId(), (id, previous) -> {
            move(previous, -1);
            move(status, +1);
            return status;
        });
    }

    @Override
    public void remove(String gbId) {
        statuses.computeIfPresent(gbId, (id, previous) -> {
            move(previous, -1);
            return null;
        });
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
        AtomicLongArray c = counters.get(group);
        if (c == null) {
            return RateCounts.EMPTY;
        }
        long[] values = new long[COUNTERS];
        for (int i = 0; i < COUNTERS; i++) {
            values[i] = c.get(i);
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

    /** The units named by the counter groups under {@code prefix} that count anything. */
    private List<String> units(String prefix) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, AtomicLongArray> e : counters.entrySet()) {
            if (e.getKey().startsWith(prefix) && hasAny(e.getValue())) {
                found.add(RateGroups.maintainerOf(e.getKey().substring(prefix.length())));
            }
        }
        found.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return found;
    }

    private static boolean hasAny(AtomicLongArray c) {
        for (int i = 0; i < c.length(); i++) {
            if (c.get(i) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long size() {
        return statuses.size();
    }

    @Override
    public synchronized void replaceAll(Collection<ChannelStatus> all) {
        statuses.clear();
        counters.clear();
        all.forEach(this::put);
    }

    @Override
    public boolean intact() {
        return true;
    }

    private void move(ChannelStatus status, int delta) {
        if (status == null) {
            return;
        }
        List<ChannelStatus.Counter> fields = status.counters();
        for (String group : RateGroups.of(status.areaPath(), status.pointClass(), status.maintainer(), status.owner())) {
            AtomicLongArray c = counters.computeIfAbsent(group, k -> new AtomicLongArray(COUNTERS));
            for (ChannelStatus.Counter field : fields) {
                c.addAndGet(field.ordinal(), delta);
            }
        }
    }
}
