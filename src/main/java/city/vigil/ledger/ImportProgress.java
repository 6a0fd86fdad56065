package city.vigil.ledger;

import io.quarkus.logging.Log;
import java.util.UUID;

/** Live counters of the running import, flushed to its job row about once a second and logged every few seconds. */
final class ImportProgress {
    private static final long FLUSH_NANOS = 1_000_000_000L;
    private static final long LOG_NANOS = 5_000_000_000L;

    final UUID jobId;
    final long bytesTotal;
    final long startedNanos = System.nanoTime();
    volatile String phase = "reading";
    long bytesRead;
    long rowsRead;
    long accepted;
    long rejected;
    /** Cameras whose area came from their ID's administrative division (the ledger gave none). */
    long areasFromId;
    long created;
    long updated;
    long unchanged;
    private long lastFlush = startedNanos;
    private long lastLog = startedNanos;
    private final Runnable flusher;

    ImportProgress(UUID jobId, long bytesTotal, java.util.function.Consumer<ImportProgress> flusher) {
        this.jobId = jobId;
        this.bytesTotal = bytesTotal;
        this.flusher = () -> flusher.accept(this);
    }

    /** Called between rows: cheap unless a second has passed. */
    void tick() {
        long now = System.nanoTime();
        if (now - lastFlush < FLUSH_NANOS) {
            return;
        }
        lastFlush = now;
        flusher.run();
        if (now - lastLog >= LOG_NANOS) {
            lastLog = now;
            Log.infof("import %s: %s, %d rows read (%d accepted, %d rejected), %.0f rows/s, %d%% of %d bytes",
                    jobId, phase, rowsRead, accepted, rejected, rate(), bytesTotal == 0 ? 100 : bytesRead * 100 / bytesTotal, bytesTotal);
        }
    }

    void phase(String phase) {
        this.phase = phase;
        lastFlush = 0;
        tick();
    }

    double rate() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }
}
