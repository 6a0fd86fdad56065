package city.vigil.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the pages draw once and show again for a while (an area's history or map, a push's panels), by key, for a time
 * given at each read. Bounded: when full, the stale entries go, and if that is not enough, all of them.
 */
final class Kept<K, V> {
    private record Entry<V>(V value, long drawnAt) {
    }

    private final int max;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    Kept(int max) {
        this.max = max;
    }

    /** The value drawn for {@code key} less than {@code fresh} ago, or a new one from {@code draw}. */
    V get(K key, Duration fresh, Supplier<V> draw) {
        long now = System.currentTimeMillis();
        long freshMillis = fresh.toMillis();
        Entry<V> known = entries.get(key);
        if (known != null && now - known.drawnAt() < freshMillis) {
            return known.value();
        }
        V value = draw.get();
        if (entries.size() >= max) {
            entries.values().removeIf(e -> now - e.drawnAt() >= freshMillis);
            if (entries.size() >= max) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now));
        return value;
    }
}
