package city.vigil.access;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code api_key} table. */
@ApplicationScoped
class KeyStore {

    record Key(long id, String prefix, byte[] secretHash, String name, Role role, List<String> areaCodes, String createdBy, Instant createdAt,
               Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Long replacedBy) {

        boolean usable(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private static final String COLUMNS = "id, prefix, secret_hash, name, role, area_codes, created_by, created_at, expires_at, last_used_at, "
            + "revoked_at, replaced_by";

    private final AgroalDataSource dataSource;

    KeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Key insert(String prefix, byte[] secretHash, String name, Role role, List<String> areaCodes, String createdBy, Instant expiresAt) {
        String sql = "INSERT INTO api_key (prefix, secret_hash, name, role, area_codes, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "
                + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, prefix);
            s.setBytes(2, secretHash);
            s.setString(3, name);
            s.setString(4, role.id());
            s.setArray(5, c.createArrayOf("text", areaCodes.toArray()));
            s.setString(6, createdBy);
            s.setTimestamp(7, expiresAt == null ? null : Timestamp.from(expiresAt));
            return read(s).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the key", e);
        }
    }

    Optional<Key> byPrefix(String prefix) {
        return select("prefix = ?", prefix).stream().findFirst();
    }

    Optional<Key> byId(long id) {
        return select("id = ?", id).stream().findFirst();
    }

    /** Keys whose every area lies inside the given paths (all keys for an unscoped caller), by id. */
    List<Key> list(long after, int limit, List<String> scopePaths) {
        String sql = "SELECT " + COLUMNS + " FROM api_key WHERE id > ? AND " + AreaScopes.codesWithinSql(scopePaths) + " ORDER BY id LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, after);
            AreaScopes.bindCodesWithin(c, s, 2, scopePaths);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read keys", e);
        }
    }

    void revoke(long id) {
        execute("UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?", id);
    }

    /** The old key of a rotation: replaced, and valid only until the grace period ends (never longer than it was). */
    void replace(long id, long replacement, Instant until) {
        execute("UPDATE api_key SET replaced_by = ?, expires_at = least(coalesce(expires_at, ?), ?) WHERE id = ?", replacement,
                Timestamp.from(until), Timestamp.from(until), id);
    }

    void used(long id) {
        execute("UPDATE api_key SET last_used_at = now() WHERE id = ?", id);
    }

    private void execute(String sql, Object... params) {
        Statements.update(dataSource, "the key", sql, params);
    }

    private List<Key> select(String where, Object param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_key WHERE " + where)) {
            s.setObject(1, param);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read keys", e);
        }
    }

    private static List<Key> read(PreparedStatement s) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.add(new Key(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), Role.parse(rs.getString(5)).orElseThrow(),
                        UserStore.strings(rs.getArray(6)), rs.getString(7), UserStore.instant(rs.getTimestamp(8)), UserStore.instant(rs.getTimestamp(9)),
                        UserStore.instant(rs.getTimestamp(10)), UserStore.instant(rs.getTimestamp(11)), rs.getObject(12, Long.class)));
            }
        }
        return keys;
    }
}
