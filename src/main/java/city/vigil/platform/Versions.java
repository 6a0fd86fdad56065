package city.vigil.platform;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic locking on the wire: the entity version is the ETag; a stale If-Match is a 412. */
public final class Versions {
    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 when the caller sent If-Match with a version other than the current one; no header means no check. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw new ApiException(ApiError.VERSION_CONFLICT,
                "If-Match " + ifMatch.trim() + " does not match the current version \"" + currentVersion + "\"");
    }

    /** Enough for every writer of a row to win once when dozens write it at the same moment (one wins per round). */
    private static final int UNCONDITIONAL_TRIES = 64;

    /**
     * Runs a write that carries {@code ifMatch}: without the header it is unconditional (the README's promise), so a
     * concurrent writer that committed first is no 412: the write is read and applied again over it (after a few
     * random milliseconds, so the writers spread out), up to 64 times.
     * With the header a conflict stays a 412, as the client asked.
     */
    public static <T> T write(String ifMatch, java.util.function.Supplier<T> write) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            return write.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= UNCONDITIONAL_TRIES || !lostRace(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 5 + 2 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static void write(String ifMatch, Runnable write) {
        write(ifMatch, () -> {
            write.run();
            return null;
        });
    }

    /** Whether another transaction changed the row first (optimistic lock), however the failure was wrapped. */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
