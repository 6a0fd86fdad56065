package city.vigil.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Row errors of one job: all counted, the first {@code limit} stored in batches, each cut to a readable size (a
 * hostile file's megabyte header or cell is not repeated back on every read of the job).
 */
final class ImportErrors {
    private static final int BATCH = 500;

    private final UUID jobId;
    private final ImportStore store;
    private final int limit;
    private final List<RowError> pending = new ArrayList<>();
    private int stored;
    private long rowsRejected;

    ImportErrors(UUID jobId, ImportStore store, int limit) {
        this.jobId = jobId;
        this.store = store;
        this.limit = limit;
    }

    /** Records a rejected row with its errors (one row may have several). */
    void reject(List<RowError> errors) {
        rowsRejected++;
        for (RowError e : errors) {
            if (stored + pending.size() < limit) {
                pending.add(new RowError(e.row(), clip(e.field(), 64), clip(e.column(), 64), clip(e.value(), 200), clip(e.reason(), 300)));
            }
        }
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    long rowsRejected() {
        return rowsRejected;
    }

    void flush() {
        if (!pending.isEmpty()) {
            store.errors(jobId, stored + 1, pending);
            stored += pending.size();
            pending.clear();
        }
    }
}
