package city.vigil.event;

import city.vigil.monitor.MonitorService;
import city.vigil.monitor.Rates;
import city.vigil.monitor.RatesService;
import city.vigil.platform.Daemons;
import city.vigil.platform.Scope;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches the online rate of the city and every district per point class and writes {@code area.online_rate_below}
 * into the outbox when one crosses below {@code vigil.events.online-rate.threshold} (with hysteresis, see
 * {@link RateAlarm}). Which alarms are down is kept in PostgreSQL, so a restart does not fire them again. Areas with
 * fewer than {@code min-monitored} channels of a class are not judged: two cameras make a noisy rate.
 */
@ApplicationScoped
public class RateAlarms {
    private static final Logger LOG = Logger.getLogger(RateAlarms.class);

    private final AgroalDataSource dataSource;
    private final RatesService rates;
    private final MonitorService monitor;
    private final ObjectMapper json;
    private final RateAlarm rule;
    private final int minMonitored;
    private final Duration interval;
    private ScheduledExecutorService timer;

    RateAlarms(AgroalDataSource dataSource, RatesService rates, MonitorService monitor, ObjectMapper json,
               @ConfigProperty(name = "vigil.events.online-rate.threshold", defaultValue = "0.90") double threshold,
               @ConfigProperty(name = "vigil.events.online-rate.hysteresis", defaultValue = "0.02") double hysteresis,
               @ConfigProperty(name = "vigil.events.online-rate.min-monitored", defaultValue = "20") int minMonitored,
               @ConfigProperty(name = "vigil.events.online-rate.check-interval", defaultValue = "30s") Duration interval) {
        this.dataSource = dataSource;
        this.rates = rates;
        this.monitor = monitor;
        this.json = json;
        this.rule = new RateAlarm(threshold, hysteresis);
        this.minMonitored = minMonitored;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Daemons.scheduler("vigil-rate-alarms");
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (monitor.ready()) {
                    city.vigil.platform.RequestContexts.run(() -> check(Instant.now()));
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Online-rate alarms: %s", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Judges every city and district × class now; returns how many alarms fired. */
    public int check(Instant now) throws SQLException {
        int fired = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, Boolean> below = new HashMap<>();
                List<String[]> areas = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT code, path FROM area WHERE level IN ('CITY', 'DISTRICT') ORDER BY path");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        areas.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT area_code, point_class, below FROM rate_alarm"); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        below.put(rs.getString(1) + "/" + rs.getShort(2), rs.getBoolean(3));
                    }
                }
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO rate_alarm (area_code, point_class, below, since) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (area_code, point_class) DO UPDATE SET below = EXCLUDED.below, since = EXCLUDED.since");
                     PreparedStatement event = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, area_path, point_class, severity, data) "
                             + "VALUES ('area.online_rate_below', ?, ?, ?, ?, ?::jsonb)")) {
                    for (String[] area : areas) {
                        for (Rates.Row row : rates.rates(Scope.all(), area[0], "pointClass").groups()) {
                            int pc = Integer.parseInt(row.key());
                            Double rate = row.monitored() < minMonitored ? null : row.onlineRate();
                            RateAlarm.Change change = rule.next(below.getOrDefault(area[0] + "/" + pc, false), rate);
                            if (change == RateAlarm.Change.NONE) {
                                continue;
                            }
                            upsert.setString(1, area[0]);
                            upsert.setShort(2, (short) pc);
                            upsert.setBoolean(3, change == RateAlarm.Change.FIRED);
                            upsert.setTimestamp(4, Timestamp.from(now));
                            upsert.executeUpdate();
                            if (change == RateAlarm.Change.FIRED) {
                                fired++;
                                event.setTimestamp(1, Timestamp.from(now));
                                event.setString(2, area[1]);
                                event.setShort(3, (short) pc);
                                event.setShort(4, (short) Severity.of(EventType.AREA_ONLINE_RATE_BELOW, pc));
                                event.setString(5, json.createObjectNode().put("areaCode", area[0]).put("areaPath", area[1]).put("pointClass", pc)
                                        .put("onlineRate", rate).put("threshold", rule.threshold()).put("rearmsAbove", rule.threshold() + rule.hysteresis())
                                        .put("monitored", row.monitored()).put("online", row.online() + row.degraded()).toString());
                                event.executeUpdate();
                            }
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return fired;
    }

}
