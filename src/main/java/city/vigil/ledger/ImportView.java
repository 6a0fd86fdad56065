package city.vigil.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An import job as clients see it: state, progress, counts, rate and the first row errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(UUID id, ImportKind kind, ImportFormat format, ImportMode mode, boolean dryRun, ImportState state,
                         String phase, String fileName, long bytesTotal, long bytesRead, int percent, long rowsRead,
                         long accepted, long rejected, long created, long updated, long unchanged, long rowsPerSecond,
                         String message, OffsetDateTime submittedAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                         List<RowError> errors) {

    static ImportView of(ImportJob j, List<RowError> firstErrors) {
        int percent = j.state.finished() ? 100 : j.bytesTotal == 0 ? 0 : (int) Math.min(99, j.bytesRead * 100 / j.bytesTotal);
        long rate = 0;
        if (j.startedAt != null) {
            OffsetDateTime end = j.finishedAt != null ? j.finishedAt : OffsetDateTime.now();
            long millis = Math.max(1, Duration.between(j.startedAt, end).toMillis());
            rate = j.rowsRead * 1000 / millis;
        }
        return new ImportView(j.id, j.kind, j.format, j.mode, j.dryRun, j.state, j.phase, j.fileName, j.bytesTotal,
                j.bytesRead, percent, j.rowsRead, j.accepted, j.rejected, j.created, j.updated, j.unchanged, rate,
                j.message, j.submittedAt, j.startedAt, j.finishedAt, firstErrors);
    }
}
