package city.vigil.webhook;

import city.vigil.event.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final ObjectMapper json;
    private final Instant now = Instant.now();
    /** Recent camera-down events per district, counted once per pass. */
    private final Map<String, Long> recent = new HashMap<>();
    private final Set<String> announced = new HashSet<>();

    MassOutages(Connection c, WebhookConfig.MassOutage rules, ObjectMapper json) {
        this.c = c;
        this.rules = rules;
        this.json = json;
    }

    Verdict judge(String type, String areaPath, Instant createdAt) throws SQLException {
        if (!CAMERA_DOWN.contains(type) || areaPath == null) {
            return Verdict.SEND;
        }
        String district = district(areaPath);
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

    /** The district part of an area path ({@code 440100/440106/…} → {@code 440100/440106/}). */
    static String district(String areaPath) {
        int first = areaPath.indexOf('/');
        int second = first < 0 ? -1 : areaPath.indexOf('/', first + 1);
        return second < 0 ? areaPath : areaPath.substring(0, second + 1);
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
        ObjectNode data = summary(district, from);
        long episode;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO area_outage_episode (area_path, started_at, announced, peak, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (area_path) WHERE ended_at IS NULL DO NOTHING RETURNING id")) {
            s.setString(1, district);
            s.setTimestamp(2, Timestamp.from(from));
            s.setInt(3, data.path("channels").asInt());
            s.setInt(4, data.path("channels").asInt());
            s.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                episode = rs.getLong(1);
            }
        }
        data.put("episodeId", episode).put("update", false);
        String since = data.path("since").asText(null);
        write(EventType.AREA_OUTAGE, district, data, since == null ? now : Instant.parse(since));
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
                ObjectNode data = summary(e.district(), e.startedAt());
                int peak = Math.max(e.peak(), data.path("channels").asInt());
                data.put("episodeId", e.id()).put("channels", peak).put("stillDown", stillDown).put("until", now.toString())
                        .put("message", "the district is back: " + stillDown + " of the " + peak + " channels lost are still down");
                write(EventType.AREA_RECOVERED, e.district(), data, now);
                update(e.id(), peak, peak, true);
            } else if (e.updatedAt().isBefore(now.minus(rules.updateInterval()))) {
                ObjectNode data = summary(e.district(), e.startedAt());
                int channels = data.path("channels").asInt();
                if (channels > e.announced()) {
                    data.put("episodeId", e.id()).put("update", true).put("previousChannels", e.announced()).put("stillDown", stillDown);
                    write(EventType.AREA_OUTAGE, e.district(), data, now);
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
    private ObjectNode summary(String district, Instant from) throws SQLException {
        ObjectNode data = json.createObjectNode();
        String[] parts = district.split("/");
        data.put("areaCode", parts[parts.length - 1]).put("areaPath", district);
        ObjectNode causes = data.putObject("causes");
        ObjectNode classes = data.putObject("pointClasses");
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
                    causes.put(rs.getString(1), causes.path(rs.getString(1)).asLong(0) + n);
                    classes.put(Integer.toString(rs.getInt(2)), classes.path(Integer.toString(rs.getInt(2))).asLong(0) + n);
                    Instant first = rs.getTimestamp(4).toInstant();
                    since = since == null || first.isBefore(since) ? first : since;
                    severity = Math.max(severity, rs.getInt(5));
                }
            }
        }
        data.put("channels", channels).put("since", since == null ? null : since.toString()).put("severity", severity)
                .put("message", channels + " channels of this district lost since " + (since == null ? from : since));
        return data;
    }

    private void write(EventType type, String district, ObjectNode data, Instant occurredAt) throws SQLException {
        int severity = data.path("severity").asInt(1);
        data.remove("severity");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, area_path, severity, data) VALUES "
                + "(?, ?, ?, ?, ?::jsonb)")) {
            s.setString(1, type.wire);
            s.setTimestamp(2, Timestamp.from(occurredAt));
            s.setString(3, district);
            s.setShort(4, (short) severity);
            s.setString(5, data.toString());
            s.executeUpdate();
        }
    }
}
