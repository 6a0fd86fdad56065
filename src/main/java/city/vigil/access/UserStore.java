package city.vigil.access;

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
import java.util.List;
import java.util.Optional;

/** The {@code app_user} table. */
@ApplicationScoped
class UserStore {

    record User(String name, String passwordHash, Role role, List<String> areaCodes, boolean mustChangePassword, int failedLogins,
                Instant lockedUntil, Instant lastLoginAt, Instant createdAt, Instant disabledAt) {
    }

    private static final String COLUMNS = "name, password_hash, role, area_codes, must_change_password, failed_logins, locked_until, last_login_at, "
            + "created_at, disabled_at";

    private final AgroalDataSource dataSource;

    UserStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean any() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM app_user LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    Optional<User> find(String name) {
        List<User> users = query("SELECT " + COLUMNS + " FROM app_user WHERE name = ?", name);
        return users.stream().findFirst();
    }

    List<User> list(String after, int limit, List<String> scopePaths) {
        // A scoped admin sees the users whose every area lies inside its own scope.
        String sql = "SELECT " + COLUMNS + " FROM app_user WHERE name > ? AND " + AreaScopes.codesWithinSql(scopePaths)
                + " ORDER BY name LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, after == null ? "" : after);
            AreaScopes.bindCodesWithin(c, s, 2, scopePaths);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    /** Stores a new user; false when the name is taken. */
    boolean insert(String name, String hash, Role role, List<String> areaCodes, boolean mustChange) {
        String sql = "INSERT INTO app_user (name, password_hash, role, area_codes, must_change_password) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, hash);
            s.setString(3, role.id());
            s.setArray(4, c.createArrayOf("text", areaCodes.toArray()));
            s.setBoolean(5, mustChange);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the user", e);
        }
    }

    void update(String name, Role role, List<String> areaCodes, Instant disabledAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE app_user SET role = ?, area_codes = ?, disabled_at = ? WHERE name = ?")) {
            s.setString(1, role.id());
            s.setArray(2, c.createArrayOf("text", areaCodes.toArray()));
            s.setTimestamp(3, disabledAt == null ? null : Timestamp.from(disabledAt));
            s.setString(4, name);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the user", e);
        }
    }

    void setPassword(String name, String hash, boolean mustChange) {
        execute("UPDATE app_user SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL WHERE name = ?",
                hash, mustChange, name);
    }

    void loggedIn(String name) {
        execute("UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE name = ?", name);
    }

    void failed(String name, int failures, Instant lockedUntil) {
        execute("UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE name = ?", failures,
                lockedUntil == null ? null : Timestamp.from(lockedUntil), name);
    }

    private void execute(String sql, Object... params) {
        Statements.update(dataSource, "the user", sql, params);
    }

    private List<User> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    private static List<User> read(PreparedStatement s) throws SQLException {
        List<User> users = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                users.add(new User(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)).orElseThrow(), strings(rs.getArray(4)), rs.getBoolean(5),
                        rs.getInt(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10))));
            }
        }
        return users;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
