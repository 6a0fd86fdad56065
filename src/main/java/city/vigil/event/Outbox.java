package city.vigil.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Appends events to the outbox on the caller's connection, so an event commits or rolls back with the state change it
 * reports (DESIGN §2): nothing is announced that did not happen, nothing that happened goes unannounced. One event per
 * (outage, type): a replayed batch adds nothing. The only writer of {@code event_outbox}; what each event carries is
 * in {@link OutboxEvent}.
 */
public final class Outbox {
    /**
     * A parent device (NVR, encoder, platform) is no camera of the registry: its event names it by its channels (how
     * many, which area) and says {@code device: true}, so a receiver can tell it from a camera and find its channels.
     */
    private static final String OUTAGE_EVENT = "INSERT INTO event_outbox (type, occurred_at, gb_id, area_path, point_class, severity, outage_id, data) "
            + "SELECT ?, ?, o.gb_id, o.area_path, o.point_class, ?, o.id, jsonb_strip_nulls(jsonb_build_object('gbId', o.gb_id, "
            + "'name', coalesce(c.name, (SELECT '设备 ' || o.gb_id || ' (' || count(*) || ' channels)' FROM camera ch WHERE ch.parent_gb_id = o.gb_id)), "
            + "'device', CASE WHEN c.gb_id IS NULL THEN true END, "
            + "'channels', CASE WHEN c.gb_id IS NULL THEN (SELECT count(*) FROM camera ch WHERE ch.parent_gb_id = o.gb_id) END, "
            + "'areaCode', coalesce(c.area_code, substring(o.area_path from '([^/]+)/$')), 'areaPath', o.area_path, 'pointClass', o.point_class, "
            + "'cause', o.cause, 'outageId', o.id, "
            + "'startedAt', o.started_at, 'endedAt', o.ended_at, 'maintainerUnit', c.maintainer_unit, 'replacedCause', ?::text)) "
            + "FROM outage o LEFT JOIN camera c ON c.gb_id = o.gb_id WHERE o.id = ? "
            + "ON CONFLICT (outage_id, type) WHERE outage_id IS NOT NULL DO NOTHING";

    private static final String CHANNEL_EVENT = "INSERT INTO event_outbox (type, occurred_at, gb_id, area_path, point_class, severity, data) "
            + "SELECT ?, ?, c.gb_id, c.area_path, c.point_class, ?, jsonb_strip_nulls(jsonb_build_object('gbId', c.gb_id, 'name', c.name, "
            + "'areaCode', c.area_code, 'areaPath', c.area_path, 'pointClass', c.point_class, 'maintainerUnit', c.maintainer_unit, 'since', ?::text)) "
            + "FROM camera c WHERE c.gb_id = ?";

    private static final String NOTICE = "INSERT INTO event_outbox (type, occurred_at, gb_id, area_path, point_class, severity, data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id";

    private Outbox() {
    }

    /**
     * Appends one event on the caller's connection (its transaction); returns the event's id, or empty when the outage
     * already has this event (a replayed batch).
     */
    public static Optional<Long> append(Connection c, OutboxEvent event) throws SQLException {
        if (event instanceof OutboxEvent.OutageChange o) {
            try (PreparedStatement s = c.prepareStatement(OUTAGE_EVENT + " RETURNING id")) {
                s.setString(1, o.type().wire);
                s.setTimestamp(2, Timestamp.from(o.at()));
                s.setShort(3, (short) o.severity());
                s.setString(4, o.replacedCause());
                s.setLong(5, o.outageId());
                return id(s);
            }
        }
        if (event instanceof OutboxEvent.ChannelNotice n) {
            try (PreparedStatement s = c.prepareStatement(CHANNEL_EVENT + " RETURNING id")) {
                s.setString(1, n.type().wire);
                s.setTimestamp(2, Timestamp.from(n.at()));
                s.setShort(3, (short) Severity.of(n.type(), n.pointClass()));
                s.setString(4, n.at().toString());
                s.setString(5, n.gbId());
                return id(s);
            }
        }
        OutboxEvent.Notice n = (OutboxEvent.Notice) event;
        try (PreparedStatement s = c.prepareStatement(NOTICE)) {
            s.setString(1, n.type().wire);
            s.setTimestamp(2, Timestamp.from(n.at()));
            s.setString(3, n.gbId());
            s.setString(4, n.areaPath());
            if (n.pointClass() == null) {
                s.setNull(5, Types.SMALLINT);
            } else {
                s.setShort(5, n.pointClass().shortValue());
            }
            s.setShort(6, (short) n.severity());
            s.setString(7, n.data().toString());
            return id(s);
        }
    }

    /** Appends an event on a connection of its own (an event that reports no write of the caller's). */
    public static Optional<Long> append(DataSource dataSource, OutboxEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return append(c, event);
        }
    }

    private static Optional<Long> id(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }
}
