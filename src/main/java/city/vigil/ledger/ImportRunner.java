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
                if (state == ImportState.REJECTED) {
                    message = progress.rejected + " rows were rejected; an atomic import writes nothing then";
                } else if (!reader.ignoredColumns().isEmpty()) {
                    // A misspelt header would otherwise lose its column without a word.
                    message = "columns not imported (unknown headers): " + String.join(", ", reader.ignoredColumns());
                }
            }
        } catch (LedgerFormatException e) {
            message = e.getMessage();
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
