package city.vigil.deep;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-camera choice of the stream the deep tier decodes (MAIN or SUB), over the fleet default
 * {@code vigil.deep.stream}: a camera whose sub-stream is too small to judge, or has none worth decoding.
 */
@ApplicationScoped
public class DeepStreamChoice {
    public static final String MAIN = "MAIN";
    public static final String SUB = "SUB";

    /** The stream decoded for a camera and whether it is the camera's own choice or the default. */
    public record View(String gbId, String stream, boolean ownChoice) {
    }

    private final AgroalDataSource dataSource;
    private final DeepConfig config;

    DeepStreamChoice(AgroalDataSource dataSource, DeepConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** MAIN or SUB, as configured fleet-wide. */
    public String fleetDefault() {
        return config.stream().name();
    }

    public View get(String gbId) {
        return own(gbId).map(s -> new View(gbId, s, true)).orElseGet(() -> new View(gbId, fleetDefault(), false));
    }

    public Optional<String> own(String gbId) {
        return query("SELECT stream FROM camera_deep_stream WHERE gb_id = ?", gbId);
    }

    public View set(String gbId, String stream) {
        update("INSERT INTO camera_deep_stream (gb_id, stream) VALUES (?, ?) ON CONFLICT (gb_id) DO UPDATE SET stream = EXCLUDED.stream, updated_at = now()",
                gbId, stream.toUpperCase(Locale.ROOT));
        return get(gbId);
    }

    public View reset(String gbId) {
        update("DELETE FROM camera_deep_stream WHERE gb_id = ?", gbId);
        return get(gbId);
    }

    private Optional<String> query(String sql, String gbId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the deep stream of " + gbId, e);
        }
    }

    private void update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the deep stream of " + params[0], e);
        }
    }
}
