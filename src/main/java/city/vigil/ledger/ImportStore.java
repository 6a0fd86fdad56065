package city.vigil.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes job progress and row errors on their own autocommit connections, outside any transaction the import runs
 * in (a connection taken inside one would be enlisted in it), so they are visible at once and survive a rollback.
 */
@ApplicationScoped
class ImportStore {
    private final AgroalDataSource dataSource;

    ImportStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void started(UUID id) {
        outside(() -> update("UPDATE import_job SET state = 'RUNNING', phase = 'reading', started_at = now() WHERE id = ?", id));
    }

    void progress(ImportProgress p) {
        outside(() -> writeProgress(p));
    }

    private void writeProgress(ImportProgress p) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE import_job SET phase = ?, bytes_read = ?, rows_read = ?, "
                     + "accepted = ?, rejected = ?, created = ?, updated = ?, unchanged = ? WHERE id = ?")) {
            s.setString(1, p.phase);
            s.setLong(2, p.bytesRead);
            s.setLong(3, p.rowsRead);
            s.setLong(4, p.accepted);
            s.setLong(5, p.rejected);
            s.setLong(6, p.created);
            s.setLong(7, p.updated);
            s.setLong(8, p.unchanged);
            s.setObject(9, p.jobId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record import progress", e);
        }
    }

    void finished(ImportProgress p, ImportState state, String message) {
        p.phase = "done";
        outside(() -> writeProgress(p));
        outside(() -> writeEnd(p, state, message));
    }

    private void writeEnd(ImportProgress p, ImportState state, String message) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE import_job SET state = ?, message = ?, finished_at = now() WHERE id = ?")) {
            s.setString(1, state.name());
            s.setString(2, message);
            s.setObject(3, p.jobId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the end of import " + p.jobId, e);
        }
    }

    void errors(UUID id, int firstSeq, List<RowError> errors) {
        outside(() -> writeErrors(id, firstSeq, errors));
    }

    private void writeErrors(UUID id, int firstSeq, List<RowError> errors) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO import_error (job_id, seq, row_no, field, column_name, value, reason) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (RowError e : errors) {
                s.setObject(1, id);
                s.setInt(2, seq++);
                s.setLong(3, e.row());
                s.setString(4, cut(e.field(), 64));
                s.setString(5, cut(e.column(), 64));
                s.setString(6, cut(e.value(), 256));
                s.setString(7, cut(e.reason(), 512));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record import errors", e);
        }
    }

    private void update(String sql, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update import " + id, e);
        }
    }

    private static void outside(Runnable write) {
        QuarkusTransaction.suspendingExisting().run(write);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
