package city.vigil.webhook;

import city.vigil.area.AreaPath;
import city.vigil.event.EventType;
import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, during one fan-out pass, whether a camera event belongs to a mass outage of its district (DESIGN §3: one
 * grouped event, not thousands). A district with {@code threshold} camera events within the look-back is in a mass
 * outage: its camera events are GROUPED, and its episode ({@code area_outage_episode}) begins with one
 * {@code area.outage} (channels, causes, classes, since). While it lasts, the event is sent again, with the same
 * {@code episodeId}, whenever more channels were lost (at most every update interval); it ends with one
 * {@code area.recovered} when fewer than {@code suspicion} of the channels it lost are still down. Once a district has
 * {@code suspicion} recent events, its new ones are HELD for a few seconds so the first of a mass outage are grouped
 * too; a lone failure goes out at once.
 */
final class MassOutages {
    enum Verdict { SEND, HOLD, GROUPED }

    private static final String CAMERA_DOWN_SQL = "type IN ('camera.offline', 'camera.degraded')";
    private static final Set<String> CAMERA_DOWN = Set.of(EventType.CAMERA_OFFLINE.wire, EventType.CAMERA_DEGRADED.wire);

    private final Connection c;
    private final WebhookConfig.MassOutage rules;
    private final Instant now = Instant.now();
    /** Recent camera-down events per district, counted once per pass. */
    private final Map<String, Long> recent = new HashMap<>();
    private final Set<String> announced = new HashSet<>();

    MassOutages(Connection c, WebhookConfig.MassOutage rules) {
        this.c = c;
        this.rules = rules;
    }

    Verdict judge(String type, String areaPath, Instant createdAt) throws SQLException {
        if (!CAMERA_DOWN.contains(type) || areaPath == null) {
            return Verdict.SEND;
        }
        String district = AreaPath.district(areaPath);
        long count = recent(district);
        if (count >= rules.suspicion() && createdAt.isAfter(now.minus(rules.hold()))) {
            return Verdict.HOLD;
        }
        if (count < rules.threshold()) {
            return Verdict.SEND;
        }
        announce(district);
        return Verdict.GROUPED;
    }

    private long recent(String district) throws SQLException {
        Long known = recent.get(district);
        if (known != null) {
            return known;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM event_outbox WHERE " + CAMERA_DOWN_SQL
                + " AND area_path LIKE ? AND created_at > ?")) {
            s.setString(1, district + "%");
            s.setTimestamp(2, Timestamp.from(now.minus(rules.lookback())));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                recent.put(district, rs.getLong(1));
                return rs.getLong(1);
            }
        }
    }

    /** Opens the district's episode with its first area.outage, unless one is open. */
    private void announce(String district) throws SQLException {
        if (!announced.add(district)) {
            return;
        }
        Instant from = now.minus(rules.lookback());
        OutboxEvent.AreaLoss loss = loss(district, from);
        long episode;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO area_outage_episode (area_path, started_at, announced, peak, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (area_path) WHERE ended_at IS NULL DO NOTHING RETURNING id")) {
            s.setString(1, district);
            s.setTimestamp(2, Timestamp.from(from));
            s.setInt(3, (int) loss.channels());
            s.setInt(4, (int) loss.channels());
            s.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                episode = rs.getLong(1);
            }
        }
        Outbox.append(c, OutboxEvent.areaOutage(district, loss, episode, null, null, loss.since() == null ? now : loss.since()));
    }

    /**
     * Once a pass: every open episode is sent again when it lost more channels since it was last announced, or ends
     * with area.recovered when fewer than {@code suspicion} of its channels are still down.
     */
    void followEpisodes() throws SQLException {
        record Open(long id, String district, Instant startedAt, int announced, int peak, Instant updatedAt) {
        }
        List<Open> open = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, area_path, started_at, announced, peak, updated_at FROM area_outage_episode "
                + "WHERE ended_at IS NULL FOR UPDATE SKIP LOCKED"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                open.add(new Open(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant()));
            }
        }
        for (Open e : open) {
            long stillDown = stillDown(e.district(), e.startedAt());
            if (stillDown < rules.suspicion()) {
                OutboxEvent.AreaLoss loss = loss(e.district(), e.startedAt());
                int peak = (int) Math.max(e.peak(), loss.channels());
                Outbox.append(c, OutboxEvent.areaRecovered(e.district(), loss, e.id(), peak, stillDown, now));
                update(e.id(), peak, peak, true);
            } else if (e.updatedAt().isBefore(now.minus(rules.updateInterval()))) {
                OutboxEvent.AreaLoss loss = loss(e.district(), e.startedAt());
                int channels = (int) loss.channels();
                if (channels > e.announced()) {
                    Outbox.append(c, OutboxEvent.areaOutage(e.district(), loss, e.id(), e.announced(), stillDown, now));
                    update(e.id(), channels, Math.max(e.peak(), channels), false);
                }
            }
        }
    }

    /** Open outages of the district that began within the episode. */
    private long stillDown(String district, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outage WHERE ended_at IS NULL AND area_path LIKE ? AND started_at >= ?")) {
            s.setString(1, district + "%");
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(long episode, int announcedChannels, int peak, boolean ended) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE area_outage_episode SET announced = ?, peak = ?, updated_at = ?, "
                + "ended_at = CASE WHEN ? THEN ? ELSE ended_at END WHERE id = ?")) {
            s.setInt(1, announcedChannels);
            s.setInt(2, peak);
            s.setTimestamp(3, Timestamp.from(now));
            s.setBoolean(4, ended);
            s.setTimestamp(5, Timestamp.from(now));
            s.setLong(6, episode);
            s.executeUpdate();
        }
    }

    /** The channels the district lost since {@code from} (each counted once), by cause and class, and since when. */
    private OutboxEvent.AreaLoss loss(String district, Instant from) throws SQLException {
        Map<String, Long> causes = new TreeMap<>();
        Map<Integer, Long> classes = new TreeMap<>();
        long channels = 0;
        Instant since = null;
        int severity = 1;
        try (PreparedStatement s = c.prepareStatement("SELECT cause, point_class, count(*), min(first), max(severity) FROM ("
                + "SELECT DISTINCT ON (gb_id) gb_id, coalesce(data->>'cause', 'UNKNOWN') AS cause, point_class, occurred_at AS first, severity "
                + "FROM event_outbox WHERE " + CAMERA_DOWN_SQL + " AND area_path LIKE ? AND created_at > ? ORDER BY gb_id, id DESC) lost "
                + "GROUP BY 1, 2")) {
            s.setString(1, district + "%");
            s.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    channels += n;
                    causes.merge(rs.getString(1), n, Long::sum);
                    classes.merge(rs.getInt(2), n, Long::sum);
                    Instant first = rs.getTimestamp(4).toInstant();
                    since = since == null || first.isBefore(since) ? first : since;
                    severity = Math.max(severity, rs.getInt(5));
                }
            }
        }
        return new OutboxEvent.AreaLoss(channels, since, severity, causes, classes);
    }
}
