package city.vigil.availability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the availability rollups up to date: every minute the current hour is recomputed from the category intervals
 * (each group's channel-seconds up, down, in maintenance, unknown, out of service), then the current day from its
 * hours; an hour and a day get one last pass just after they end. Recomputing replaces, so a pass repeated after a
 * crash changes nothing. Days are those of {@code vigil.availability.zone} (whole hours from UTC, as China's are).
 */
@ApplicationScoped
public class AvailabilityRollup {
    private static final Logger LOG = Logger.getLogger(AvailabilityRollup.class);
    private static final Duration LAST_PASS = Duration.ofMinutes(5);

    private static final String HOUR = "INSERT INTO availability_hourly (hour, area_path, point_class, maintainer_unit, owner_unit, up_s, down_s, "
            + "maintenance_s, unknown_s, removed_s) SELECT ?, c.area_path, c.point_class, coalesce(c.maintainer_unit, ''), coalesce(c.owner_unit, ''), "
            + "coalesce(sum(i.s) FILTER (WHERE i.category = 'UP'), 0), coalesce(sum(i.s) FILTER (WHERE i.category = 'DOWN'), 0), "
            + "coalesce(sum(i.s) FILTER (WHERE i.category = 'MAINTENANCE'), 0), coalesce(sum(i.s) FILTER (WHERE i.category = 'UNKNOWN'), 0), "
            + "coalesce(sum(i.s) FILTER (WHERE i.category = 'REMOVED'), 0) "
            + "FROM (SELECT gb_id, category, floor(extract(epoch FROM least(coalesce(ended_at, ?), ?) - greatest(started_at, ?)))::bigint AS s "
            + "FROM category_interval WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)) i JOIN camera c ON c.gb_id = i.gb_id WHERE i.s > 0 "
            + "GROUP BY c.area_path, c.point_class, coalesce(c.maintainer_unit, ''), coalesce(c.owner_unit, '')";
    /** HOUR per key-site category: the cameras' (distinct) categories joined in. */
    private static final String HOUR_SITE = HOUR.replace("INSERT INTO availability_hourly (hour, ", "INSERT INTO availability_site_hourly (hour, site_category, ")
            .replace("SELECT ?, c.area_path", "SELECT ?, k.category, c.area_path")
            .replace("JOIN camera c ON c.gb_id = i.gb_id", "JOIN camera c ON c.gb_id = i.gb_id JOIN (SELECT DISTINCT cs.camera_gb_id, s.category "
                    + "FROM camera_site cs JOIN site s ON s.code = cs.site_code) k ON k.camera_gb_id = i.gb_id")
            .replace("GROUP BY c.area_path", "GROUP BY k.category, c.area_path");
    private static final String DAY = "INSERT INTO availability_daily (day, area_path, point_class, maintainer_unit, owner_unit, up_s, down_s, "
            + "maintenance_s, unknown_s, removed_s) SELECT ?, area_path, point_class, maintainer_unit, owner_unit, sum(up_s), sum(down_s), "
            + "sum(maintenance_s), sum(unknown_s), sum(removed_s) FROM availability_hourly WHERE hour >= ? AND hour < ? "
            + "GROUP BY area_path, point_class, maintainer_unit, owner_unit";

    private static final String DAY_SITE = DAY.replace("INSERT INTO availability_daily (day, ", "INSERT INTO availability_site_daily (day, site_category, ")
            .replace("SELECT ?, area_path", "SELECT ?, site_category, area_path").replace("FROM availability_hourly", "FROM availability_site_hourly")
            .replace("GROUP BY area_path", "GROUP BY site_category, area_path");

    private final AgroalDataSource dataSource;
    private final AvailabilityConfig config;

    AvailabilityRollup(AgroalDataSource dataSource, AvailabilityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${vigil.availability.rollup-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshNow() {
        if (!config.enabled()) {
            return;
        }
        try {
            refresh(Instant.now());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Availability rollup failed, next pass in %s: %s", config.rollupInterval(), e.getMessage());
        }
    }

    /** Brings the rollups up to {@code now}: this hour and day, and the previous ones just after they ended. */
    public void refresh(Instant now) throws SQLException {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (Duration.between(hour, now).compareTo(LAST_PASS) < 0) {
            rollupHour(hour.minus(1, ChronoUnit.HOURS), now);
        }
        rollupHour(hour, now);
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        Instant dayStart = today.atStartOfDay(config.zone()).toInstant();
        if (Duration.between(dayStart, now).compareTo(LAST_PASS) < 0) {
            rollupDay(today.minusDays(1));
        }
        rollupDay(today);
    }

    /** Recomputes one hour (up to {@code now} when it is the current one). */
    public void rollupHour(Instant hour, Instant now) throws SQLException {
        Instant end = hour.plus(1, ChronoUnit.HOURS);
        Timestamp from = Timestamp.from(hour);
        Timestamp until = Timestamp.from(end.isAfter(now) ? now : end);
        // The insert's parameters: the hour, then the interval clipping (until, until, from) and the overlap (until, from).
        replace("hour", from, List.of(new Rollup("availability_hourly", HOUR), new Rollup("availability_site_hourly", HOUR_SITE)),
                from, until, until, from, until, from);
    }

    /** Recomputes one day from its hours. */
    public void rollupDay(LocalDate day) throws SQLException {
        Timestamp start = Timestamp.from(day.atStartOfDay(config.zone()).toInstant());
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(config.zone()).toInstant());
        replace("day", day, List.of(new Rollup("availability_daily", DAY), new Rollup("availability_site_daily", DAY_SITE)), day, start, end);
    }

    /** A rollup table and the INSERT … SELECT that fills one of its periods. */
    private record Rollup(String table, String insert) {
    }

    /** In one transaction, each table's rows of the period are deleted and computed again. */
    private void replace(String periodColumn, Object period, List<Rollup> rollups, Object... insertParams) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Rollup r : rollups) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + r.table() + " WHERE " + periodColumn + " = ?");
                         PreparedStatement insert = c.prepareStatement(r.insert())) {
                        delete.setObject(1, period);
                        delete.executeUpdate();
                        for (int i = 0; i < insertParams.length; i++) {
                            insert.setObject(i + 1, insertParams[i]);
                        }
                        insert.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
