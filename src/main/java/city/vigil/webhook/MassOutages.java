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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides, during one fan-out pass, whether a camera event belongs to a mass outage of its district (DESIGN §3: one
 * grouped event, not thousands). A district with {@code threshold} camera events within the look-back is in a mass
 * outage: its camera events are GROUPED, and one {@code area.outage} event (channels, causes, classes, since) is
 * written per episode. Once a district has {@code suspicion} recent events, its new ones are HELD for a few seconds
 * so the first of a mass outage are grouped too; a lone failure goes out at once.
 */
final class MassOutages {
    enum Verdict { SEND, HOLD, GROUPED }

    private static final Set<String> CAMERA_DOWN = Set.of(EventType.CAMERA_OFFLINE.wire, EventType.CAMERA_DEGRADED.wire);

    private final Connection c;
    private final WebhookConfig.MassOutage rules;
    private final ObjectMapper json;
    private final Instant now = Instant.now();
    /** Recent camera-down events per district, counted once per pass. */
    private final Map<String, Long> recent = new HashMap<>();
    private final Set<String> announced = new java.util.HashSet<>();

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
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM event_outbox WHERE type IN ('camera.offline', 'camera.degraded') "
                + "AND area_path LIKE ? AND created_at > ?")) {
            s.setString(1, district + "%");
            s.setTimestamp(2, Timestamp.from(now.minus(rules.lookback())));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                recent.put(district, rs.getLong(1));
                return rs.getLong(1);
            }
        }
    }

    /** Writes the district's area.outage unless this episode has one. */
    private void announce(String district) throws SQLException {
        if (!announced.add(district)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM event_outbox WHERE type = 'area.outage' AND area_path = ? AND created_at > ?")) {
            s.setString(1, district);
            s.setTimestamp(2, Timestamp.from(now.minus(rules.episode())));
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        ObjectNode data = json.createObjectNode();
        String[] parts = district.split("/");
        data.put("areaCode", parts[parts.length - 1]).put("areaPath", district);
        ObjectNode causes = data.putObject("causes");
        ObjectNode classes = data.putObject("pointClasses");
        long channels = 0;
        Instant since = null;
        int severity = 1;
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(data->>'cause', 'UNKNOWN'), point_class, count(*), min(occurred_at), max(severity) "
                + "FROM event_outbox WHERE type IN ('camera.offline', 'camera.degraded') AND area_path LIKE ? AND created_at > ? GROUP BY 1, 2")) {
            s.setString(1, district + "%");
            s.setTimestamp(2, Timestamp.from(now.minus(rules.lookback())));
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
        data.put("channels", channels).put("since", since == null ? null : since.toString())
                .put("message", channels + " channels of this district lost within " + rules.lookback().toSeconds() + " s");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, area_path, severity, data) VALUES "
                + "('area.outage', ?, ?, ?, ?::jsonb)")) {
            s.setTimestamp(1, Timestamp.from(since == null ? now : since));
            s.setString(2, district);
            s.setShort(3, (short) severity);
            s.setString(4, data.toString());
            s.executeUpdate();
        }
    }
}
