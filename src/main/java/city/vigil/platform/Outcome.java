package city.vigil.platform;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** What an upsert did: imports count these. */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED;

    /**
     * Creates when nothing exists, else replaces and compares versions: Hibernate bumps the version only when a
     * field really changed, so an equal record comes back UNCHANGED.
     */
    public static <E> Outcome upsert(Optional<E> existing, ToLongFunction<E> version, Runnable create, Supplier<E> replace) {
        if (existing.isEmpty()) {
            create.run();
            return CREATED;
        }
        long before = version.applyAsLong(existing.get());
        return version.applyAsLong(replace.get()) == before ? UNCHANGED : UPDATED;
    }
}
