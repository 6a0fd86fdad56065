package city.vigil.webhook;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Webhook subscriptions in PostgreSQL. */
@ApplicationScoped
class SubscriptionStore {
    private static final String COLUMNS = "id, url, description, event_types, area_code, area_path, point_classes, site_categories, min_severity, "
            + "camera_events_in_mass_outage, secret, previous_secret, previous_until, enabled, disabled_reason, failing_since, created_at, version";

    private final AgroalDataSource dataSource;

    private final WebhookSecretSeal seal;

    SubscriptionStore(AgroalDataSource dataSource, WebhookSecretSeal seal) {
        this.dataSource = dataSource;
        this.seal = seal;
    }

    /** Stores a new subscription; it receives the events of transactions that start after it. */
    Subscription insert(Subscription s, String owner) {
        String sql = "INSERT INTO webhook_subscription (url, description, event_types, area_code, area_path, point_classes, site_categories, "
                + "min_severity, camera_events_in_mass_outage, secret, enabled, owner) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bindFields(c, st, s);
            st.setString(10, seal.seal(s.secret()));
            st.setBoolean(11, s.enabled());
            st.setString(12, owner);
            return one(st).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the webhook subscription", e);
        }
    }

    /** Replaces the client-set fields; the version must match (optimistic). */
    Optional<Subscription> update(Subscription s) {
        String sql = "UPDATE webhook_subscription SET url = ?, description = ?, event_types = ?, area_code = ?, area_path = ?, point_classes = ?, "
                + "site_categories = ?, min_severity = ?, camera_events_in_mass_outage = ?, enabled = ?, "
                + "disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END, failing_since = CASE WHEN ? AND NOT enabled THEN NULL ELSE failing_since END, "
                + "updated_at = now(), version = version + 1 WHERE id = ? AND version = ? RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bindFields(c, st, s);
            st.setBoolean(10, s.enabled());
            st.setBoolean(11, s.enabled());
            st.setBoolean(12, s.enabled());
            st.setLong(13, s.id());
            st.setLong(14, s.version());
            return one(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update webhook subscription " + s.id(), e);
        }
    }

    Optional<Subscription> find(long id) {
        return find(id, null, List.of());
    }

    /**
     * A subscription as a caller sees it: its own (when {@code owner} is given) and filtering on an area inside the
     * caller's scope (when it has one).
     */
    Optional<Subscription> find(long id, String owner, List<String> scopePaths) {
        String sql = "SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ? AND " + visibleTo(owner, scopePaths);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            bindVisible(c, st, 2, owner, scopePaths);
            return one(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read webhook subscription " + id, e);
        }
    }

    List<Subscription> list(Long after, int limit, String owner, List<String> scopePaths) {
        String sql = "SELECT " + COLUMNS + " FROM webhook_subscription WHERE id > ? AND " + visibleTo(owner, scopePaths) + " ORDER BY id LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, after == null ? 0 : after);
            bindVisible(c, st, 2, owner, scopePaths);
            return all(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list webhook subscriptions", e);
        }
    }

    private static String visibleTo(String owner, List<String> scopePaths) {
        return (owner == null ? "true" : "owner = ?") + " AND " + (scopePaths.isEmpty() ? "true" : "area_path LIKE ANY (?)");
    }

    private static void bindVisible(Connection c, PreparedStatement st, int first, String owner, List<String> scopePaths) throws SQLException {
        int i = first;
        if (owner != null) {
            st.setString(i++, owner);
        }
        if (!scopePaths.isEmpty()) {
            st.setArray(i, c.createArrayOf("text", scopePaths.stream().map(p -> p + "%").toArray()));
        }
    }

    /** Every enabled subscription (the fan-out's view; a city has tens, not thousands). */
    List<Subscription> enabled() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscription WHERE enabled ORDER BY id")) {
            return all(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list webhook subscriptions", e);
        }
    }

    boolean delete(long id) {
        return execute("DELETE FROM webhook_subscription WHERE id = ?", id) > 0;
    }

    /** New secret; the old one keeps signing until {@code previousUntil}. */
    Optional<Subscription> rotate(long id, String secret, Instant previousUntil) {
        String sql = "UPDATE webhook_subscription SET previous_secret = secret, previous_until = ?, secret = ?, updated_at = now(), "
                + "version = version + 1 WHERE id = ? RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(previousUntil));
            st.setString(2, seal.seal(secret));
            st.setLong(3, id);
            return one(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rotate the secret of webhook subscription " + id, e);
        }
    }

    int execute(String sql, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update webhook subscription " + id, e);
        }
    }

    private static void bindFields(Connection c, PreparedStatement st, Subscription s) throws SQLException {
        st.setString(1, s.url());
        st.setString(2, s.description());
        st.setArray(3, c.createArrayOf("text", s.eventTypes().toArray()));
        st.setString(4, s.areaCode());
        st.setString(5, s.areaPath());
        st.setArray(6, c.createArrayOf("int2", s.pointClasses().stream().map(Integer::shortValue).toArray()));
        st.setArray(7, c.createArrayOf("text", s.siteCategories().toArray()));
        st.setInt(8, s.minSeverity());
        st.setBoolean(9, s.cameraEventsInMassOutage());
    }

    private Optional<Subscription> one(PreparedStatement st) throws SQLException {
        List<Subscription> rows = all(st);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Subscription> all(PreparedStatement st) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Subscription(rs.getLong("id"), rs.getString("url"), rs.getString("description"), strings(rs.getArray("event_types")),
                        rs.getString("area_code"), rs.getString("area_path"), ints(rs.getArray("point_classes")), strings(rs.getArray("site_categories")),
                        rs.getInt("min_severity"), rs.getBoolean("camera_events_in_mass_outage"), seal.open(rs.getString("secret")), seal.open(rs.getString("previous_secret")),
                        instant(rs.getTimestamp("previous_until")), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                        instant(rs.getTimestamp("failing_since")), instant(rs.getTimestamp("created_at")), rs.getLong("version")));
            }
        }
        return out;
    }

    private static Set<String> strings(Array a) throws SQLException {
        return a == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) a.getArray()));
    }

    private static Set<Integer> ints(Array a) throws SQLException {
        Set<Integer> out = new LinkedHashSet<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add(((Number) o).intValue());
            }
        }
        return out;
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
