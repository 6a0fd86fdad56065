package city.vigil.audit;

import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The append-only audit table: rows are written, read and never changed. */
@ApplicationScoped
public class AuditLog {
    /** Fields never written to the log, at any depth: secrets shown once, and passwords in a request. */
    private static final Set<String> SECRET_FIELDS = Set.of("key", "secret", "previousSecret", "password", "currentPassword", "newPassword",
            "csrfToken", "username");

    /** A row to append. */
    public record Entry(String actor, List<String> actorScope, String source, String action, String target, int outcome, Object before, Object after,
                        String requestId) {
    }

    /** The log's filters: all optional. */
    public record Filter(String actor, String action, Instant from, Instant to) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    AuditLog(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void append(Entry e) {
        String sql = "INSERT INTO audit_event (actor, actor_scope, source, action, target, outcome, before, after, request_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, clip(e.actor(), 160));
            s.setArray(2, c.createArrayOf("text", e.actorScope().toArray()));
            s.setString(3, clip(e.source(), 64));
            s.setString(4, clip(e.action(), 160));
            s.setString(5, clip(e.target(), 512));
            s.setInt(6, e.outcome());
            s.setString(7, document(e.before()));
            s.setString(8, document(e.after()));
            s.setString(9, e.requestId());
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot append to the audit log", ex);
        }
    }

    /**
     * Newest first. A caller limited to some areas reads what callers limited to areas inside its own did; an
     * unlimited caller reads everything.
     */
    public Page<AuditEvent> list(Scope scope, Filter filter, Long before, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("id < ?");
        params.add(before == null ? Long.MAX_VALUE : before);
        if (!scope.isAll()) {
            where.append(" AND actor_scope <> '{}' AND NOT EXISTS (SELECT 1 FROM unnest(actor_scope) AS p(path) WHERE NOT p.path LIKE ANY (?))");
            params.add(scope.areaPaths().stream().map(p -> p + "%").toArray(String[]::new));
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND action LIKE ?");
            params.add(filter.action().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        String sql = "SELECT id, at, actor, actor_scope, source, action, target, outcome, before, after, request_id FROM audit_event WHERE " + where
                + " ORDER BY id DESC LIMIT " + (limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            List<AuditEvent> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), strings(rs.getArray(4)), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), node(rs.getString(9)), node(rs.getString(10)), rs.getString(11)));
                }
            }
            return Page.of(rows, limit, r -> String.valueOf(r.id()), r -> r);
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot read the audit log", ex);
        }
    }

    private String document(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = json.valueToTree(value);
        strip(node);
        return node.toString();
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(SECRET_FIELDS);
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditLog::strip);
        }
    }

    private JsonNode node(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
