package city.vigil.access;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Server-side login sessions: the cookie holds a random id, the database its SHA-256, the user and the form token. */
@ApplicationScoped
class SessionStore {

    record Session(String userName, String csrfToken) {
    }

    /** A new session: the id for the cookie (shown once) and its form token. */
    record Opened(String id, String csrfToken) {
    }

    private final AgroalDataSource dataSource;
    private final AccessConfig config;

    SessionStore(AgroalDataSource dataSource, AccessConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    Opened open(String userName) {
        String id = Secrets.token(32);
        String csrf = Secrets.token(24);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO app_session (token_hash, user_name, csrf_token, expires_at) VALUES (?, ?, ?, ?)")) {
            s.setBytes(1, Secrets.sha256(id));
            s.setString(2, userName);
            s.setString(3, csrf);
            s.setTimestamp(4, Timestamp.from(Instant.now().plus(config.sessionTtl())));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the session", e);
        }
        return new Opened(id, csrf);
    }

    Optional<Session> find(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT user_name, csrf_token FROM app_session WHERE token_hash = ? AND expires_at > now()")) {
            s.setBytes(1, Secrets.sha256(id));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the session", e);
        }
    }

    void close(String id) {
        update("DELETE FROM app_session WHERE token_hash = ? OR expires_at < now()", Secrets.sha256(id));
    }

    /** Ends every session of a user except, when given, the one making the change. */
    void closeAll(String userName, String exceptId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM app_session WHERE user_name = ? AND token_hash IS DISTINCT FROM ?")) {
            s.setString(1, userName);
            s.setBytes(2, exceptId == null ? null : Secrets.sha256(exceptId));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot end the sessions", e);
        }
    }

    private void update(String sql, byte[] hash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setBytes(1, hash);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot end the session", e);
        }
    }
}
