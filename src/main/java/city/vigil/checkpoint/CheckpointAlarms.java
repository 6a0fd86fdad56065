package city.vigil.checkpoint;

import city.vigil.event.EventType;
import city.vigil.event.Severity;
import city.vigil.monitor.LinkState;
import city.vigil.monitor.MonitorService;
import city.vigil.platform.Daemons;
import city.vigil.platform.RequestContexts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private final ObjectMapper json;
    private final Duration interval;
    private ScheduledExecutorService timer;

    CheckpointAlarms(AgroalDataSource dataSource, CheckpointHealthService health, MonitorService monitor, ObjectMapper json,
                     @ConfigProperty(name = "vigil.checkpoint.alarm-interval", defaultValue = "30s") Duration interval) {
        this.dataSource = dataSource;
        this.health = health;
        this.monitor = monitor;
        this.json = json;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Daemons.scheduler("vigil-checkpoint-alarms");
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (monitor.ready()) {
                    RequestContexts.run(() -> check(Instant.now()));
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Checkpoint alarms: %s", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
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
                        + "ON CONFLICT (gb_id) DO UPDATE SET offline = EXCLUDED.offline, stale = EXCLUDED.stale, since = EXCLUDED.since");
                     PreparedStatement event = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, gb_id, area_path, severity, data) "
                             + "VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
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
                            events += write(event, EventType.CHECKPOINT_OFFLINE, k, now);
                        }
                        if (k.stale() && !was[1]) {
                            events += write(event, EventType.CHECKPOINT_STALE, k, now);
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

    private int write(PreparedStatement s, EventType type, CheckpointHealthService.Condition k, Instant now) throws SQLException {
        String[] path = k.areaPath().split("/");
        s.setString(1, type.wire);
        s.setTimestamp(2, Timestamp.from(now));
        s.setString(3, k.gbId());
        s.setString(4, k.areaPath());
        // A road checkpoint system counts as a key point (class 1).
        s.setShort(5, (short) Severity.of(type, 1));
        s.setString(6, json.createObjectNode().put("gbId", k.gbId()).put("areaCode", path[path.length - 1]).put("areaPath", k.areaPath())
                .put("state", k.state().name()).put("lanesDown", k.lanesDown())
                .put("lastHeartbeatAt", k.lastHeartbeat() == null ? null : k.lastHeartbeat().toString()).toString());
        s.executeUpdate();
        return 1;
    }
}
