package city.vigil.rates;

import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import city.vigil.platform.Scope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Watches the online rate of the city and every district per point class and writes {@code area.online_rate_below}
 * into the outbox when one crosses below {@code vigil.rates.alarm.threshold} (with hysteresis, see
 * {@link RateAlarm}). Which alarms are down is kept in PostgreSQL, so a restart does not fire them again. Areas with
 * fewer than {@code min-monitored} channels of a class are not judged: two cameras make a noisy rate.
 */
@ApplicationScoped
public class RateAlarms {
    private static final Logger LOG = Logger.getLogger(RateAlarms.class);

    private final AgroalDataSource dataSource;
    private final RatesService rates;
    /** Set once the monitor has filled the counters: before, they may hold an earlier run's state (Redis). */
    private volatile boolean counting;
    private final RateAlarm rule;
    private final int minMonitored;

    RateAlarms(AgroalDataSource dataSource, RatesService rates, RatesConfig config) {
        this.dataSource = dataSource;
        this.rates = rates;
        this.rule = new RateAlarm(config.alarm().threshold(), config.alarm().hysteresis());
        this.minMonitored = config.alarm().minMonitored();
    }

    void countersFilled(@Observes CountersFilled event) {
        counting = true;
    }

    @Scheduled(every = "${vigil.rates.alarm.check-interval}", delayed = "${vigil.rates.alarm.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkNow() {
        try {
            if (counting) {
                check(Instant.now());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Online-rate alarms: %s", e.getMessage());
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
                        + "ON CONFLICT (area_code, point_class) DO UPDATE SET below = EXCLUDED.below, since = EXCLUDED.since")) {
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
                                Outbox.append(c, OutboxEvent.onlineRateBelow(area[0], area[1], pc, rate, rule.threshold(),
                                        rule.threshold() + rule.hysteresis(), row.monitored(), row.online() + row.degraded(), now));
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
