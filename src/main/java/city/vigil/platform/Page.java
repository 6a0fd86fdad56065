package city.vigil.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list: pass {@code next} as {@code after} to read on; null at the end. */
public record Page<T>(List<T> items, String next, int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    /** Builds a page from up to limit+1 fetched rows: the extra row only tells whether more follow. */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, String> key, Function<E, T> view) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? key.apply(rows.get(rows.size() - 1)) : null;
        return new Page<>(rows.stream().map(view).toList(), next, limit);
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
