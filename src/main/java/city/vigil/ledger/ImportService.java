package city.vigil.ledger;

import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/** Accepts ledger uploads: spools them to disk (bounded), records the job and queues it. */
@ApplicationScoped
public class ImportService {
    private static final int ERRORS_IN_VIEW = 20;

    private final ImportRunner runner;
    private final ImportConfig config;
    private final EntityManager em;

    ImportService(ImportRunner runner, ImportConfig config, EntityManager em) {
        this.runner = runner;
        this.config = config;
        this.em = em;
    }

    /** Options of one upload, already validated. */
    public record Options(ImportKind kind, ImportFormat format, ImportMode mode, boolean dryRun, Charset charset, String fileName) {
    }

    public ImportJob submit(Scope scope, Options options, InputStream body, Long declaredLength) {
        if (declaredLength != null && declaredLength > config.maxBytes()) {
            throw tooLarge();
        }
        if (!runner.hasCapacity()) {
            throw new ApiException(ApiError.BUSY, "Import queue is full; retry when a running import has finished");
        }
        Path file = spool(body);
        ImportJob[] created = new ImportJob[1];
        try {
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob j = new ImportJob();
                j.id = UUID.randomUUID();
                j.kind = options.kind();
                j.format = options.format();
                j.mode = options.mode();
                j.dryRun = options.dryRun();
                j.state = ImportState.QUEUED;
                j.fileName = options.fileName();
                j.bytesTotal = Files.size(file);
                j.submittedAt = OffsetDateTime.now();
                j.scopePaths = scope.areaPaths().toArray(String[]::new);
                j.persist();
                return j;
            });
            created[0] = job;
            runner.submit(job, file, options.charset(), scope);
            return job;
        } catch (RejectedExecutionException e) {
            deleteQuietly(file);
            // The job row exists already: it must not wait as QUEUED for a run that will never come.
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("update ImportJob set state = ?1, message = ?2, finishedAt = ?3 where id = ?4")
                    .setParameter(1, ImportState.FAILED).setParameter(2, "refused: the import queue was full")
                    .setParameter(3, OffsetDateTime.now()).setParameter(4, created[0].id).executeUpdate());
            throw new ApiException(ApiError.BUSY, "Import queue is full; retry when a running import has finished");
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** An import the caller may see: one submitted within its scope; otherwise a 404, as if it did not exist. */
    public ImportJob get(Scope scope, UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null || !job.visibleTo(scope)) {
            throw ApiException.notFound("Import", id.toString());
        }
        return job;
    }

    public ImportView view(Scope scope, UUID id) {
        ImportJob job = get(scope, id);
        return ImportView.of(job, errors(id, 0, ERRORS_IN_VIEW));
    }

    public Page<ImportView> list(Scope scope, String after, int limit) {
        // A scoped caller's list holds the imports whose every submitter area lies inside its own.
        String scoped = scope.isAll() ? "true" : "j.scope_paths <> '{}' AND NOT EXISTS (SELECT 1 FROM unnest(j.scope_paths) AS p(path) "
                + "WHERE NOT p.path LIKE ANY (CAST(?2 AS text[])))";
        String page = after == null ? "true" : "(j.submitted_at, j.id) < (SELECT k.submitted_at, k.id FROM import_job k WHERE k.id = ?1)";
        var query = em.createNativeQuery("SELECT j.* FROM import_job j WHERE " + page + " AND " + scoped
                + " ORDER BY j.submitted_at DESC, j.id DESC", ImportJob.class);
        if (after != null) {
            query.setParameter(1, parseId(after));
        }
        if (!scope.isAll()) {
            query.setParameter(2, scope.areaPaths().stream().map(path -> path + "%").toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<ImportJob> jobs = query.setMaxResults(limit + 1).getResultList();
        return Page.of(jobs, limit, j -> j.id.toString(), j -> ImportView.of(j, null));
    }

    /** Row errors in the order they were found, after the given sequence number. */
    public List<RowError> errors(UUID id, int afterSeq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT row_no, field, column_name, value, reason FROM import_error "
                        + "WHERE job_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")
                .setParameter(1, id).setParameter(2, afterSeq).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new RowError(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    /** Jobs that were running when the process stopped cannot resume (their upload is gone): say so. */
    @Transactional
    void failInterrupted(@Observes StartupEvent event) {
        int n = em.createQuery("update ImportJob set state = ?1, message = ?2, finishedAt = ?3 where state in (?4, ?5)")
                .setParameter(1, ImportState.FAILED).setParameter(2, "interrupted by a restart; nothing was written")
                .setParameter(3, OffsetDateTime.now()).setParameter(4, ImportState.QUEUED).setParameter(5, ImportState.RUNNING)
                .executeUpdate();
        if (n > 0) {
            Log.warnf("Marked %d import jobs interrupted by the last shutdown as FAILED", n);
        }
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Import", id);
        }
    }

    private Path spool(InputStream body) {
        Path file;
        try {
            Path dir = config.spoolDir().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "vigil-imports"));
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "ledger-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a spool file for the upload", e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > config.maxBytes()) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new ApiException(ApiError.VALIDATION, "The upload is empty");
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("Reading the upload failed", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ApiError.TOO_LARGE, "Ledger files may be at most " + config.maxBytes() + " bytes (vigil.import.max-bytes)");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
