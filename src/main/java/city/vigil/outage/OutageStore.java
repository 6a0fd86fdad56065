package city.vigil.outage;

import city.vigil.platform.SqlWhere;
import city.vigil.probe.ImageFault;
import city.vigil.probe.ProbeCause;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Opens and closes outages in PostgreSQL. The partial unique index (one open outage per channel) is the arbiter:
 * opening when one is already open does nothing, whoever tries, however often, from however many replicas. The only
 * place outages open and close: the monitor's journal calls the connection forms inside its transaction.
 */
@ApplicationScoped
public class OutageStore {
    private static final String OPEN = "INSERT INTO outage (gb_id, area_path, point_class, cause, started_at) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (gb_id) WHERE ended_at IS NULL DO NOTHING RETURNING id";
    private static final String CLOSE = "UPDATE outage SET ended_at = greatest(?, started_at) WHERE gb_id = ? AND ended_at IS NULL "
            + "RETURNING id, point_class, cause";

    private final AgroalDataSource dataSource;

    public OutageStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens an outage unless one is open already; returns the new outage's id, or empty when one was open. */
    public Optional<Long> open(String gbId, String areaPath, int pointClass, ProbeCause cause, Instant at) {
        return open(gbId, areaPath, pointClass, cause == null ? null : cause.name(), at);
    }

    /** {@code cause}: a probe cause, or the image fault of a DEGRADED channel. */
    public Optional<Long> open(String gbId, String areaPath, int pointClass, String cause, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            return open(c, gbId, areaPath, pointClass, cause, at);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open an outage for " + gbId, e);
        }
    }

    /** Closes the channel's open outage; returns its id, or empty when none was open. */
    public Optional<Long> close(String gbId, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            return close(c, gbId, at).map(Closed::id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the outage of " + gbId, e);
        }
    }

    /**
     * Opens an outage on the caller's transaction (the monitor's journal), unless one is open already; returns the new
     * outage's id.
     */
    public static Optional<Long> open(Connection c, String gbId, String areaPath, int pointClass, String cause, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OPEN)) {
            s.setString(1, gbId);
            s.setString(2, areaPath);
            s.setShort(3, (short) pointClass);
            s.setString(4, cause);
            s.setTimestamp(5, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** An outage that closed: its id, point class and cause. */
    public record Closed(long id, int pointClass, String cause) {
        /** DEGRADED outages carry the image fault as their cause; every other cause is a probe's. */
        public boolean imageFault() {
            return cause != null && Arrays.stream(ImageFault.values()).anyMatch(f -> f.name().equals(cause));
        }
    }

    /** Closes the channel's open outage on the caller's transaction; empty when none was open. */
    public static Optional<Closed> close(Connection c, String gbId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLOSE)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, gbId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Closed(rs.getLong(1), rs.getShort(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    /**
     * Records who acknowledged an outage, when, and why; false when there is no such outage or it is acknowledged
     * already (the first acknowledgement stands: one statement, so two at once cannot both win).
     */
    public boolean acknowledge(long id, String who, String note, Instant at) {
        String sql = "UPDATE outage SET acked_by = ?, acked_at = ?, ack_note = ? WHERE id = ? AND acked_by IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, who);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, note);
            s.setLong(4, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot acknowledge outage " + id, e);
        }
    }

    /**
     * Acknowledges every open, unacknowledged outage {@code where} selects, in one statement (an outage acknowledged
     * meanwhile keeps its first acknowledgement); returns how many.
     */
    public int acknowledgeAll(SqlWhere where, String who, String note, Instant at) {
        String sql = "UPDATE outage SET acked_by = ?, acked_at = ?, ack_note = ? WHERE ended_at IS NULL AND acked_by IS NULL AND " + where.sql();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, who);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, note);
            where.bind(s, 4);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot acknowledge outages", e);
        }
    }

    /** The channel's open outage, if any. */
    public Optional<Long> openOutage(String gbId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM outage WHERE gb_id = ? AND ended_at IS NULL")) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outages of " + gbId, e);
        }
    }
}
