package city.vigil.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The status store of a single node: a map of channel statuses and, per (area at every level of the path, point
 * class), one counter per bucket. Updates to one channel are serialised by the map; counters are atomic, so
 * concurrent updates of different channels keep every total exact.
 */
public final class InProcessStatusStore implements StatusStore {
    /** Counter key part meaning "all areas" or "all classes". */
    private static final String ALL = "*";
    private static final int BUCKETS = ChannelStatus.Bucket.values().length;

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
    public RateCounts counts(String areaCode, Integer pointClass) {
        AtomicLongArray c = counters.get(key(areaCode == null ? ALL : areaCode, pointClass == null ? ALL : pointClass.toString()));
        if (c == null) {
            return RateCounts.EMPTY;
        }
        return new RateCounts(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5));
    }

    @Override
    public long size() {
        return statuses.size();
    }

    /** Adds {@code delta} to the status's bucket in every group it belongs to: each area on its path, and all, × its class and all. */
    private void move(ChannelStatus status, int delta) {
        if (status == null) {
            return;
        }
        int bucket = status.bucket().ordinal();
        String pointClass = Integer.toString(status.pointClass());
        add(key(ALL, ALL), bucket, delta);
        add(key(ALL, pointClass), bucket, delta);
        for (String area : status.areaPath().split("/")) {
            if (!area.isEmpty()) {
                add(key(area, ALL), bucket, delta);
                add(key(area, pointClass), bucket, delta);
            }
        }
    }

    private void add(String key, int bucket, int delta) {
        counters.computeIfAbsent(key, k -> new AtomicLongArray(BUCKETS)).addAndGet(bucket, delta);
    }

    private static String key(String area, String pointClass) {
        return area + "|" + pointClass;
    }
}
