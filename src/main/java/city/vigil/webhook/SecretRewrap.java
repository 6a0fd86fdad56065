package city.vigil.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Seals webhook secrets stored in plain text (before encryption at rest) and re-seals those under a key that is no
 * longer active; a compare-and-set per value, so a rotation of the secret meanwhile wins. A city has tens of
 * subscriptions: one pass reads them all.
 */
@ApplicationScoped
public class SecretRewrap {
    private final AgroalDataSource dataSource;
    private final WebhookSecretSeal seal;

    SecretRewrap(AgroalDataSource dataSource, WebhookSecretSeal seal) {
        this.dataSource = dataSource;
        this.seal = seal;
    }

    @Scheduled(every = "${vigil.crypto.rewrap-interval:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Re-sealing webhook secrets stopped (it resumes at its next run): %s", e.getMessage());
        }
    }

    /** Returns how many values it rewrote. */
    public int run() throws SQLException {
        int rewritten = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, secret, previous_secret FROM webhook_subscription");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                for (String column : new String[] {"secret", "previous_secret"}) {
                    String stored = rs.getString(column);
                    if (!seal.current(stored)) {
                        try (PreparedStatement u = c.prepareStatement("UPDATE webhook_subscription SET " + column + " = ? WHERE id = ? AND " + column + " = ?")) {
                            u.setString(1, seal.reseal(stored));
                            u.setLong(2, rs.getLong("id"));
                            u.setString(3, stored);
                            rewritten += u.executeUpdate();
                        }
                    }
                }
            }
        }
        if (rewritten > 0) {
            Log.infof("Sealed %d webhook secrets under the active key", rewritten);
        }
        return rewritten;
    }
}
