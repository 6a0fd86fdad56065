package city.vigil.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Appends events to the outbox on the caller's connection, so an event commits or rolls back with the state change it
 * reports (DESIGN §2): nothing is announced that did not happen, nothing that happened goes unannounced. One event per
 * (outage, type): a replayed batch adds nothing.
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

    private Outbox() {
    }

    /** An event about one channel that is not an outage's (camera.flapping), with the camera's identifiers. */
    public static void channelEvent(Connection c, EventType type, String gbId, int pointClass, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CHANNEL_EVENT)) {
            s.setString(1, type.wire);
            s.setTimestamp(2, Timestamp.from(at));
            s.setShort(3, (short) Severity.of(type, pointClass));
            s.setString(4, at.toString());
            s.setString(5, gbId);
            s.executeUpdate();
        }
    }

    /** A prepared statement for {@link #outageEvent}, to reuse over a batch. */
    public static PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(OUTAGE_EVENT);
    }

    /** The event of an outage opening or closing, with the outage's and the camera's identifiers. */
    public static void outageEvent(PreparedStatement s, EventType type, long outageId, int severity, Instant at) throws SQLException {
        outageEvent(s, type, outageId, severity, at, null);
    }

    /**
     * {@code replacedCause}: the cause of the channel's outage of the other kind that this one replaces (an image fault
     * that became a loss of stream, or the reverse), so a receiver can follow the camera without a second lookup.
     */
    public static void outageEvent(PreparedStatement s, EventType type, long outageId, int severity, Instant at, String replacedCause)
            throws SQLException {
        s.setString(1, type.wire);
        s.setTimestamp(2, Timestamp.from(at));
        s.setShort(3, (short) severity);
        s.setString(4, replacedCause);
        s.setLong(5, outageId);
        s.executeUpdate();
    }
}
