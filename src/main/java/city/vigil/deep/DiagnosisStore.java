package city.vigil.deep;

import city.vigil.probe.ImageFault;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The newest diagnosis per camera in PostgreSQL, with its snapshot and the learned baseline. A failed grab keeps the
 * last snapshot (operators still see what the camera showed last), and the baseline stays until an operator resets
 * it.
 */
@ApplicationScoped
public class DiagnosisStore {
    private static final String UPSERT = "INSERT INTO camera_diagnosis (gb_id, checked_at, decoded, cause, faults, verdicts, measures, "
            + "baseline, baseline_at, snapshot, snapshot_at) SELECT ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ? "
            + "WHERE EXISTS (SELECT 1 FROM camera WHERE gb_id = ?) "
            + "ON CONFLICT (gb_id) DO UPDATE SET checked_at = excluded.checked_at, decoded = excluded.decoded, cause = excluded.cause, "
            + "faults = excluded.faults, verdicts = excluded.verdicts, measures = excluded.measures, "
            + "baseline = coalesce(camera_diagnosis.baseline, excluded.baseline), baseline_at = coalesce(camera_diagnosis.baseline_at, excluded.baseline_at), "
            + "snapshot = coalesce(excluded.snapshot, camera_diagnosis.snapshot), snapshot_at = coalesce(excluded.snapshot_at, camera_diagnosis.snapshot_at) "
            + "RETURNING baseline_at, snapshot_at";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public DiagnosisStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores the diagnosis; returns it as stored (when its baseline was learned, its snapshot taken), or empty when the camera is gone. */
    public Optional<DiagnosisView> save(DiagnosisView d, Fingerprint newBaseline, byte[] snapshot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, d.gbId());
            s.setTimestamp(2, Timestamp.from(d.checkedAt()));
            s.setBoolean(3, d.decoded());
            s.setString(4, d.cause());
            Array faults = c.createArrayOf("text", d.faults().stream().map(Enum::name).toArray());
            s.setArray(5, faults);
            s.setString(6, json.writeValueAsString(d.verdicts()));
            s.setString(7, json.writeValueAsString(d.measures()));
            s.setBytes(8, newBaseline == null ? null : newBaseline.toBytes());
            s.setTimestamp(9, newBaseline == null ? null : Timestamp.from(d.checkedAt()));
            s.setBytes(10, snapshot);
            s.setTimestamp(11, snapshot == null ? null : Timestamp.from(d.checkedAt()));
            s.setString(12, d.gbId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new DiagnosisView(d.gbId(), d.checkedAt(), d.decoded(), d.cause(), d.primary(), d.faults(), d.verdicts(),
                        d.measures(), instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)))) : Optional.empty();
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the diagnosis of " + d.gbId(), e);
        }
    }

    public Optional<DiagnosisView> find(String gbId) {
        String sql = "SELECT checked_at, decoded, cause, faults, verdicts, measures, baseline_at, snapshot_at FROM camera_diagnosis WHERE gb_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<ImageFault> faults = new ArrayList<>();
                Arrays.stream((String[]) rs.getArray(4).getArray()).forEach(f -> faults.add(ImageFault.valueOf(f)));
                List<Verdict> verdicts = json.readValue(rs.getString(5), new TypeReference<List<Verdict>>() { });
                DiagnosisView.Measures measures = json.readValue(rs.getString(6), DiagnosisView.Measures.class);
                return Optional.of(new DiagnosisView(gbId, instant(rs.getTimestamp(1)), rs.getBoolean(2), rs.getString(3),
                        Diagnostics.primary(java.util.EnumSet.copyOf(faults.isEmpty() ? java.util.EnumSet.noneOf(ImageFault.class) : faults)),
                        faults, verdicts, measures, instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the diagnosis of " + gbId, e);
        }
    }

    /** The newest snapshot and when it was taken. */
    public Optional<Snapshot> snapshot(String gbId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT snapshot, snapshot_at FROM camera_diagnosis WHERE gb_id = ? AND snapshot IS NOT NULL")) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Snapshot(rs.getBytes(1), rs.getTimestamp(2).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the snapshot of " + gbId, e);
        }
    }

    /** Forgets the learned baseline: the next healthy picture becomes the new one (a camera re-aimed on purpose). */
    public boolean resetBaseline(String gbId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE camera_diagnosis SET baseline = NULL, baseline_at = NULL WHERE gb_id = ?")) {
            s.setString(1, gbId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the baseline of " + gbId, e);
        }
    }

    public record Snapshot(byte[] jpeg, Instant takenAt) {
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
