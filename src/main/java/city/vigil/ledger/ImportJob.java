package city.vigil.ledger;

import city.vigil.platform.Scope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** A ledger import: its options, where it stands, and its counts. Progress is written by {@link ImportRunner}. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public ImportKind kind;
    @Enumerated(EnumType.STRING)
    public ImportFormat format;
    @Enumerated(EnumType.STRING)
    public ImportMode mode;
    @Column(name = "dry_run")
    public boolean dryRun;
    @Enumerated(EnumType.STRING)
    public ImportState state;
    public String phase;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "bytes_total")
    public long bytesTotal;
    @Column(name = "bytes_read")
    public long bytesRead;
    @Column(name = "rows_read")
    public long rowsRead;
    public long accepted;
    public long rejected;
    public long created;
    public long updated;
    public long unchanged;
    public String message;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** The submitter's area scope (empty: everything); who may see the import. */
    @Column(name = "scope_paths")
    public String[] scopePaths = new String[0];

    boolean visibleTo(Scope scope) {
        return scope.isAll() || scopePaths.length > 0 && Arrays.stream(scopePaths).allMatch(scope::allows);
    }
}
