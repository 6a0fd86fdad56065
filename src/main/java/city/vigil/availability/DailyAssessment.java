package city.vigil.availability;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.monitor.MonitorService;
import city.vigil.platform.ApiException;
import city.vigil.platform.Daemons;
import city.vigil.platform.Scope;
import city.vigil.rates.Rates;
import city.vigil.rates.RatesService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The regulator's way of scoring a day: the online rate (and the intact rate beside it) sampled at fixed instants
 * (09:00, 15:00, 21:00 by default, China time) for the city, every district and every street, per point class (0: all
 * classes), stored per day; a day's score is the mean of its samples.
 */
@ApplicationScoped
public class DailyAssessment {
    private static final Logger LOG = Logger.getLogger(DailyAssessment.class);

    public record Sample(Instant at, long monitored, long online, long intact, Double onlineRate, Double intactRate) {
    }

    /** {@code partial}: today, so far: the samples taken and one of the live rates now, which is not stored. */
    public record Day(LocalDate day, int pointClass, Double onlineRate, Double intactRate, boolean partial, List<Sample> samples) {
    }

    public record Result(String area, LocalDate from, LocalDate to, List<LocalTime> sampleTimes, List<Day> days) {
    }

    private final AgroalDataSource dataSource;
    private final AvailabilityConfig config;
    private final RatesService rates;
    private final MonitorService monitor;
    private final AreaService areas;
    private final AvailabilityService queries;
    private ScheduledExecutorService timer;

    DailyAssessment(AgroalDataSource dataSource, AvailabilityConfig config, RatesService rates, MonitorService monitor, AreaService areas,
                    AvailabilityService queries) {
        this.dataSource = dataSource;
        this.config = config;
        this.rates = rates;
        this.monitor = monitor;
        this.areas = areas;
        this.queries = queries;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        timer = Daemons.scheduler("vigil-assessment");
        scheduleNext(Instant.now());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The next configured sample time after {@code now}. */
    Instant next(Instant now) {
        ZonedDateTime local = now.atZone(config.zone());
        for (int d = 0; d <= 1; d++) {
            for (LocalTime t : config.assessmentTimes().stream().sorted().toList()) {
                Instant at = local.toLocalDate().plusDays(d).atTime(t).atZone(config.zone()).toInstant();
                if (at.isAfter(now)) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("vigil.availability.assessment-times is empty");
    }

    private void scheduleNext(Instant now) {
        Instant at = next(now);
        timer.schedule(() -> {
            try {
                if (monitor.ready()) {
                    city.vigil.platform.RequestContexts.run(() -> sample(at));
                } else {
                    LOG.warnf("Daily assessment at %s skipped: the monitor is not running here", at);
                }
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("Daily assessment at %s failed: %s", at, e.getMessage());
            }
            scheduleNext(at);
        }, Math.max(0, Duration.between(Instant.now(), at).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Samples the live rates now, stamped {@code at}: the city, every district, every street, by class. */
    public int sample(Instant at) throws SQLException {
        List<String> codes = new ArrayList<>();
        queries.query("SELECT code FROM area WHERE level IN ('CITY', 'DISTRICT', 'STREET') ORDER BY path", List.of(), rs -> codes.add(rs.getString(1)));
        LocalDate day = LocalDate.ofInstant(at, config.zone());
        int rows = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO daily_assessment (day, sampled_at, area_code, point_class, monitored, online, intact) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (String code : codes) {
                Rates r = rates.rates(Scope.all(), code, "pointClass");
                List<Rates.Row> rowsOf = new ArrayList<>(r.groups());
                rowsOf.add(new Rates.Row("0", null, r.total().monitored(), r.total().online(), r.total().degraded(), 0, 0, 0, 0, 0, null,
                        r.total().intact(), null, 0, 0, null, 0, null, null));
                for (Rates.Row row : rowsOf) {
                    s.setObject(1, day);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setString(3, code);
                    s.setShort(4, Short.parseShort(row.key()));
                    s.setLong(5, row.monitored());
                    s.setLong(6, row.online() + row.degraded());
                    s.setLong(7, row.intact());
                    s.addBatch();
                    rows++;
                }
            }
            s.executeBatch();
        }
        return rows;
    }

    public Result read(Scope scope, String areaCode, String from, String to) {
        Area area = areaCode == null || areaCode.isBlank() ? null : areas.requireForResource(scope, "area", areaCode.trim());
        if (area == null && !scope.isAll()) {
            throw ApiException.invalid("area", "is required for an area-scoped caller");
        }
        LocalDate t = date("to", to, LocalDate.now(config.zone()));
        LocalDate f = date("from", from, t.minusDays(6));
        if (f.isAfter(t)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (f.plusDays(400).isBefore(t)) {
            throw ApiException.invalid("from", "the period is at most 400 days");
        }
        String code = area != null ? area.code : null;
        List<Object> params = new ArrayList<>(List.of(f, t));
        String areaSql = code != null ? "area_code = ?" : "area_code IN (SELECT code FROM area WHERE level = 'CITY')";
        if (code != null) {
            params.add(code);
        }
        Map<String, Day> days = new LinkedHashMap<>();
        queries.query("SELECT day, point_class, sampled_at, sum(monitored), sum(online), sum(intact) FROM daily_assessment WHERE day >= ? AND day <= ? AND "
                + areaSql + " GROUP BY day, point_class, sampled_at ORDER BY day, point_class, sampled_at", params, rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    int pc = rs.getShort(2);
                    long monitored = rs.getLong(4);
                    long online = rs.getLong(5);
                    long intact = rs.getLong(6);
                    days.computeIfAbsent(day + "/" + pc, k -> new Day(day, pc, null, null, false, new ArrayList<>())).samples()
                            .add(new Sample(rs.getTimestamp(3).toInstant(), monitored, online, intact, monitored == 0 ? null : online / (double) monitored,
                                    monitored == 0 ? null : intact / (double) monitored));
                });
        LocalDate today = LocalDate.now(config.zone());
        boolean withToday = !today.isBefore(f) && !today.isAfter(t) && monitor.ready();
        if (withToday) {
            // A new deployment (or the hours before the first sample time) shows today so far rather than nothing.
            Instant now = Instant.now();
            Rates r = rates.rates(scope, code, "pointClass");
            List<Rates.Row> live = new ArrayList<>(r.groups());
            live.add(new Rates.Row("0", null, r.total().monitored(), r.total().online(), r.total().degraded(), 0, 0, 0, 0, 0, null,
                    r.total().intact(), null, 0, 0, null, 0, null, null));
            for (Rates.Row row : live) {
                int pc = Integer.parseInt(row.key());
                long monitored = row.monitored();
                long online = row.online() + row.degraded();
                days.computeIfAbsent(today + "/" + pc, k -> new Day(today, pc, null, null, true, new ArrayList<>())).samples()
                        .add(new Sample(now, monitored, online, row.intact(), monitored == 0 ? null : online / (double) monitored,
                                monitored == 0 ? null : row.intact() / (double) monitored));
            }
        }
        List<Day> out = days.values().stream().sorted(java.util.Comparator.comparing(Day::day).thenComparingInt(Day::pointClass))
                .map(d -> new Day(d.day(), d.pointClass(), mean(d.samples(), true), mean(d.samples(), false), withToday && d.day().equals(today),
                        d.samples()))
                .toList();
        return new Result(code, f, t, config.assessmentTimes(), out);
    }

    private static Double mean(List<Sample> samples, boolean online) {
        double sum = 0;
        int n = 0;
        for (Sample s : samples) {
            Double v = online ? s.onlineRate() : s.intactRate();
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : Math.round(sum / n * 1_000_000) / 1_000_000.0;
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "is a date such as 2026-11-21");
        }
    }

}
