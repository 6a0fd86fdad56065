package city.vigil.checkpoint;

import city.vigil.event.EventType;
import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import city.vigil.monitor.MonitorService;
import city.vigil.status.LinkState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes {@code checkpoint.offline} (every lane's capture camera down) and {@code checkpoint.stale} (heartbeats
 * stopped for {@code vigil.checkpoint.stale-after}) into the outbox when a checkpoint enters the condition; each fires
 * once per episode, remembered in PostgreSQL across restarts. A checkpoint that never sent a heartbeat is not stale:
 * it has not been connected yet.
 */
@ApplicationScoped
public class CheckpointAlarms {
    private static final Logger LOG = Logger.getLogger(CheckpointAlarms.class);

    private final AgroalDataSource dataSource;
    private final CheckpointHealthService health;
    private final MonitorService monitor;

    CheckpointAlarms(AgroalDataSource dataSource, CheckpointHealthService health, MonitorService monitor) {
        this.dataSource = dataSource;
        this.health = health;
        this.monitor = monitor;
    }

    @Scheduled(every = "${vigil.checkpoint.alarm-interval}", delayed = "${vigil.checkpoint.alarm-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkNow() {
        try {
            if (monitor.ready()) {
                check(Instant.now());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Checkpoint alarms: %s", e.getMessage());
        }
    }

    /** Compares every checkpoint with its remembered condition; returns how many events were written. */
    public int check(Instant now) throws SQLException {
        int events = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, boolean[]> known = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT gb_id, offline, stale FROM checkpoint_alarm"); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1).trim(), new boolean[] {rs.getBoolean(2), rs.getBoolean(3)});
                    }
                }
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO checkpoint_alarm (gb_id, offline, stale, since) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (gb_id) DO UPDATE SET offline = EXCLUDED.offline, stale = EXCLUDED.stale, since = EXCLUDED.since")) {
                    for (CheckpointHealthService.Condition k : health.conditions()) {
                        boolean offline = k.state() == LinkState.OFFLINE;
                        boolean[] was = known.getOrDefault(k.gbId(), new boolean[2]);
                        if (was[0] == offline && was[1] == k.stale()) {
                            continue;
                        }
                        upsert.setString(1, k.gbId());
                        upsert.setBoolean(2, offline);
                        upsert.setBoolean(3, k.stale());
                        upsert.setTimestamp(4, Timestamp.from(now));
                        upsert.executeUpdate();
                        if (offline && !was[0]) {
                            events += announce(c, EventType.CHECKPOINT_OFFLINE, k, now);
                        }
                        if (k.stale() && !was[1]) {
                            events += announce(c, EventType.CHECKPOINT_STALE, k, now);
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return events;
    }

    private static int announce(Connection c, EventType type, CheckpointHealthService.Condition k, Instant now) throws SQLException {
        Outbox.append(c, OutboxEvent.checkpoint(type, k.gbId(), k.areaPath(), k.state().name(), k.lanesDown(), k.lastHeartbeat(), now));
        return 1;
    }
}
