package city.vigil.monitor;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes a batch of the monitor's decisions to PostgreSQL in one transaction: channel statuses (restart safety),
 * state transitions (history) and outage opens and closes, in the order they were decided. The partial unique index
 * keeps one open outage per channel whatever happens, so replaying a batch after a failure is harmless.
 */
final class StatusJournal {
    private static final String UPSERT_STATUS = "INSERT INTO channel_status (gb_id, state, since, cause, flapping, last_seen_at, last_probe_at, detail, "
            + "image_fault, updated_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, now() WHERE EXISTS (SELECT 1 FROM camera WHERE gb_id = ?) "
            + "ON CONFLICT (gb_id) DO UPDATE SET state = excluded.state, since = excluded.since, cause = excluded.cause, "
            + "image_fault = excluded.image_fault, "
            + "flapping = excluded.flapping, last_seen_at = excluded.last_seen_at, last_probe_at = excluded.last_probe_at, "
            + "detail = excluded.detail, updated_at = now()";
    private static final String INSERT_TRANSITION = "INSERT INTO state_transition (gb_id, at, from_state, to_state, cause, flapping) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String OPEN_OUTAGE = "INSERT INTO outage (gb_id, area_path, point_class, cause, started_at) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (gb_id) WHERE ended_at IS NULL DO NOTHING";
    private static final String CLOSE_OUTAGE = "UPDATE outage SET ended_at = greatest(?, started_at) WHERE gb_id = ? AND ended_at IS NULL";

    private final AgroalDataSource dataSource;

    StatusJournal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void write(List<Write> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement status = c.prepareStatement(UPSERT_STATUS);
                 PreparedStatement transition = c.prepareStatement(INSERT_TRANSITION);
                 PreparedStatement open = c.prepareStatement(OPEN_OUTAGE);
                 PreparedStatement close = c.prepareStatement(CLOSE_OUTAGE)) {
                for (Write w : batch) {
                    if (w instanceof Write.Status s) {
                        addStatus(status, transition, s);
                    } else if (w instanceof Write.OpenOutage o) {
                        open.setString(1, o.gbId());
                        open.setString(2, o.areaPath());
                        open.setShort(3, (short) o.pointClass());
                        open.setString(4, o.cause());
                        open.setTimestamp(5, Timestamp.from(o.at()));
                        open.executeUpdate();
                    } else if (w instanceof Write.CloseOutage o) {
                        close.setTimestamp(1, Timestamp.from(o.at()));
                        close.setString(2, o.gbId());
                        close.executeUpdate();
                    }
                    // Write.Removed: channel_status goes with the camera (ON DELETE CASCADE); outages stay as history.
                }
                status.executeBatch();
                transition.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void addStatus(PreparedStatement status, PreparedStatement transition, Write.Status s) throws SQLException {
        ChannelStatus st = s.status();
        status.setString(1, st.gbId());
        status.setString(2, st.state().name());
        status.setTimestamp(3, Timestamp.from(st.since()));
        status.setString(4, st.cause() == null ? null : st.cause().name());
        status.setBoolean(5, st.flapping());
        timestamp(status, 6, s.lastSeen());
        timestamp(status, 7, s.lastProbe());
        status.setString(8, s.detail() == null ? null : s.detail().substring(0, Math.min(256, s.detail().length())));
        status.setString(9, s.imageFault());
        status.setString(10, st.gbId());
        status.addBatch();
        if (s.from() != null) {
            transition.setString(1, st.gbId());
            transition.setTimestamp(2, Timestamp.from(st.since()));
            transition.setString(3, s.from().name());
            transition.setString(4, st.state().name());
            transition.setString(5, st.cause() == null ? null : st.cause().name());
            transition.setBoolean(6, st.flapping());
            transition.addBatch();
        }
    }

    private static void timestamp(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(value));
        }
    }
}
