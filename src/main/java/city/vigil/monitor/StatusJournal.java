package city.vigil.monitor;

import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import city.vigil.outage.OutageStore;
import city.vigil.status.ChannelStatus;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes a batch of the monitor's decisions to PostgreSQL in one transaction: channel statuses (restart safety),
 * state transitions (history) and outage opens and closes, in the order they were decided. The partial unique index
 * keeps one open outage per channel whatever happens, so replaying a batch after a failure is harmless. Each outage
 * that opens or closes puts its event in the outbox in the same transaction (camera.offline, camera.degraded when the
 * cause is an image fault, camera.online); an outage replaced by one of the other kind closes without a camera.online,
 * and the new one's event names the cause it replaces.
 */
final class StatusJournal {
    private static final String UPSERT_STATUS = "INSERT INTO channel_status (gb_id, state, since, cause, flapping, last_seen_at, last_probe_at, detail, "
            + "image_fault, updated_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, now() WHERE EXISTS (SELECT 1 FROM camera WHERE gb_id = ?) "
            + "ON CONFLICT (gb_id) DO UPDATE SET state = excluded.state, since = excluded.since, cause = excluded.cause, "
            + "image_fault = excluded.image_fault, "
            + "flapping = excluded.flapping, last_seen_at = excluded.last_seen_at, last_probe_at = excluded.last_probe_at, "
            + "detail = excluded.detail, updated_at = now()";
    private static final String INSERT_TRANSITION = "INSERT INTO state_transition (gb_id, at, from_state, to_state, cause, flapping) VALUES (?, ?, ?, ?, ?, ?)";
    /** Closes the open interval when the category changed … */
    private static final String CLOSE_CATEGORY = "UPDATE category_interval SET ended_at = greatest(?, started_at) WHERE gb_id = ? AND ended_at IS NULL "
            + "AND category <> ?";
    /** … and opens the new one (nothing when the same category is still open: a replayed batch). */
    private static final String OPEN_CATEGORY = "INSERT INTO category_interval (gb_id, category, started_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (gb_id) WHERE ended_at IS NULL DO NOTHING";

    private final AgroalDataSource dataSource;

    StatusJournal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void write(List<Write> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement status = c.prepareStatement(UPSERT_STATUS);
                 PreparedStatement transition = c.prepareStatement(INSERT_TRANSITION);
                 PreparedStatement closeCategory = c.prepareStatement(CLOSE_CATEGORY);
                 PreparedStatement openCategory = c.prepareStatement(OPEN_CATEGORY)) {
                for (Write w : batch) {
                    if (w instanceof Write.Status s) {
                        addStatus(status, transition, s);
                    } else if (w instanceof Write.OpenOutage o) {
                        Optional<Long> opened = OutageStore.open(c, o.gbId(), o.areaPath(), o.pointClass(), o.cause(), o.at());
                        if (opened.isPresent()) {
                            Outbox.append(c, OutboxEvent.outageOpened(opened.get(), o.degraded(), o.pointClass(), o.at(), o.replacedCause()));
                        }
                    } else if (w instanceof Write.CloseOutage o) {
                        Optional<OutageStore.Closed> closed = OutageStore.close(c, o.gbId(), o.at());
                        if (closed.isPresent() && o.recovered()) {
                            OutageStore.Closed k = closed.get();
                            Outbox.append(c, OutboxEvent.outageRecovered(k.id(), k.imageFault(), k.pointClass(), o.at()));
                        }
                    } else if (w instanceof Write.Flapping f) {
                        Outbox.append(c, OutboxEvent.flapping(f.gbId(), f.pointClass(), f.at()));
                    } else if (w instanceof Write.Category k) {
                        closeCategory.setTimestamp(1, Timestamp.from(k.at()));
                        closeCategory.setString(2, k.gbId());
                        closeCategory.setString(3, k.category().name());
                        closeCategory.executeUpdate();
                        openCategory.setString(1, k.gbId());
                        openCategory.setString(2, k.category().name());
                        openCategory.setTimestamp(3, Timestamp.from(k.at()));
                        openCategory.executeUpdate();
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
            // A change of flapping alone keeps the state and its since: it happened at the probe that decided it.
            Instant at = s.from() == st.state() && s.lastProbe() != null ? s.lastProbe() : st.since();
            transition.setTimestamp(2, Timestamp.from(at));
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
