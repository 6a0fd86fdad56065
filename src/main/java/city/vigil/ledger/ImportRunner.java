package city.vigil.ledger;

import city.vigil.camera.CamerasChanged;
import city.vigil.platform.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs import jobs one at a time on their own thread, with a bounded queue behind it. */
@ApplicationScoped
class ImportRunner {
    private final ImportStore store;
    private final CameraBulkWriter cameras;
    private final RegistryRowImporter registry;
    private final ImportConfig config;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final ThreadPoolExecutor executor;
    private final Event<CamerasChanged> changed;

    ImportRunner(ImportStore store, CameraBulkWriter cameras, RegistryRowImporter registry, ImportConfig config,
                 com.fasterxml.jackson.databind.ObjectMapper mapper, Event<CamerasChanged> changed) {
        this.changed = changed;
        this.store = store;
        this.cameras = cameras;
        this.registry = registry;
        this.config = config;
        this.mapper = mapper;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queueSize()),
                r -> {
                    Thread t = new Thread(r, "vigil-import");
                    t.setDaemon(true);
                    return t;
                });
    }

    boolean hasCapacity() {
        return executor.getQueue().remainingCapacity() > 0 || executor.getActiveCount() == 0;
    }

    /** Queues a job; throws {@link RejectedExecutionException} when the queue is full. */
    void submit(ImportJob job, Path file, Charset declared, Scope scope) {
        executor.execute(() -> run(job, file, declared, scope));
    }

    /** Longest job message stored and answered on every job read. */
    static final int MAX_MESSAGE = 1_000;
    /** Unknown headers named in a message; the rest are counted. */
    private static final int NAMED_HEADERS = 20;

    /** What a person should know of a finished import, bounded in size whatever the file held. */
    static String message(ImportState state, ImportProgress progress, List<String> ignoredColumns) {
        List<String> parts = new java.util.ArrayList<>();
        if (state == ImportState.REJECTED) {
            parts.add(progress.rejected + " rows were rejected; an atomic import writes nothing then");
        }
        if (progress.areasFromId > 0) {
            parts.add("the ledger gives no area: " + progress.areasFromId + " cameras were placed in the area their ID's first six digits name");
        }
        if (!ignoredColumns.isEmpty()) {
            // A misspelt header would otherwise lose its column without a word.
            List<String> named = ignoredColumns.stream().limit(NAMED_HEADERS).map(h -> h.length() > 40 ? h.substring(0, 40) + "…" : h).toList();
            parts.add("columns not imported (unknown headers): " + String.join(", ", named)
                    + (ignoredColumns.size() > NAMED_HEADERS ? " and " + (ignoredColumns.size() - NAMED_HEADERS) + " more" : ""));
        }
        String message = parts.isEmpty() ? null : String.join("; ", parts);
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private void run(ImportJob job, Path file, Charset declared, Scope scope) {
        ImportProgress progress = new ImportProgress(job.id, job.bytesTotal, store::progress);
        ImportErrors errors = new ImportErrors(job.id, store, config.maxStoredErrors());
        ImportState state = ImportState.FAILED;
        String message = null;
        try {
            store.started(job.id);
            Log.infof("import %s: started (%s %s, %s%s, %d bytes)", job.id, job.kind, job.format, job.mode,
                    job.dryRun ? ", dry run" : "", job.bytesTotal);
            try (LedgerReader reader = LedgerReader.open(file, declared, mapper)) {
                state = job.kind == ImportKind.CAMERAS
                        ? cameras.run(reader, job, scope, progress, errors)
                        : registry.run(reader, job, scope, progress, errors);
                message = message(state, progress, reader.ignoredColumns());
            }
        } catch (LedgerFormatException e) {
            message = e.getMessage().length() <= MAX_MESSAGE ? e.getMessage() : e.getMessage().substring(0, MAX_MESSAGE - 1) + "…";
            progress.created = progress.updated = progress.unchanged = 0;
        } catch (Exception e) {
            Log.errorf(e, "import %s failed", job.id);
            message = "the import failed on the server; nothing was written";
            progress.created = progress.updated = progress.unchanged = 0;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf("import %s: could not delete the spooled file %s", job.id, file);
            }
        }
        store.finished(progress, state, message);
        if (job.kind == ImportKind.CAMERAS && !job.dryRun && (state == ImportState.SUCCEEDED || state == ImportState.PARTIAL)) {
            // The monitor compares the whole registry: probing of imported cameras starts without a restart.
            changed.fire(CamerasChanged.many());
        }
        Log.infof("import %s: %s, %d rows read, %d accepted (%d created, %d updated, %d unchanged), %d rejected, %.0f rows/s in %.1f s",
                job.id, state, progress.rowsRead, progress.accepted, progress.created, progress.updated, progress.unchanged,
                progress.rejected, progress.rate(), (System.nanoTime() - progress.startedNanos) / 1e9);
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
