package city.vigil.camera;

import city.vigil.platform.CredentialCipher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * After a key rotation, rewrites every stream credential that is not under the active key, 500 cameras at a time,
 * with a compare-and-set per blob so a credential changed meanwhile is never overwritten. Every key of the ring reads
 * in the meantime, so nothing waits for it; once it reports none left, the old key can leave the ring.
 */
@ApplicationScoped
public class CredentialRewrap {
    private static final int BATCH = 500;
    private static final List<String> STREAMS = List.of("MAIN", "SUB");

    private final AgroalDataSource dataSource;
    private final CredentialCipher cipher;

    CredentialRewrap(AgroalDataSource dataSource, CredentialCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @Scheduled(every = "${vigil.crypto.rewrap-interval:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Re-encryption of stream credentials stopped (it resumes at its next run): %s", e.getMessage());
        }
    }

    /** One pass over every camera with credentials; returns how many blobs it rewrote. */
    public long run() throws SQLException {
        long rewritten = 0;
        String after = "";
        while (true) {
            int seen = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT gb_id, main_credentials, sub_credentials "
                    + "FROM camera WHERE gb_id > ? AND (main_credentials IS NOT NULL OR sub_credentials IS NOT NULL) ORDER BY gb_id LIMIT " + BATCH)) {
                s.setString(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        after = rs.getString(1);
                        for (int i = 0; i < STREAMS.size(); i++) {
                            byte[] blob = rs.getBytes(2 + i);
                            if (blob != null && !cipher.current(blob)) {
                                rewritten += rewrite(c, after.trim(), STREAMS.get(i), blob);
                            }
                        }
                    }
                }
            }
            if (seen < BATCH) {
                break;
            }
        }
        if (rewritten > 0) {
            Log.infof("Re-encrypted %d stream credentials under key '%s'", rewritten, cipher.activeKey());
        }
        return rewritten;
    }

    private int rewrite(Connection c, String gbId, String stream, byte[] blob) throws SQLException {
        String column = stream.toLowerCase() + "_credentials";
        byte[] sealed = cipher.encrypt(CameraRecords.credentialContext(gbId, stream), cipher.decrypt(CameraRecords.credentialContext(gbId, stream), blob));
        try (PreparedStatement u = c.prepareStatement("UPDATE camera SET " + column + " = ? WHERE gb_id = ? AND " + column + " = ?")) {
            u.setBytes(1, sealed);
            u.setString(2, gbId);
            u.setBytes(3, blob);
            return u.executeUpdate();
        }
    }
}
