package city.vigil.availability;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.monitor.TimeCategory;
import city.vigil.outage.OutageFigures;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Availability reports: groups from the hourly and daily rollups (whole days from the daily table, the hours at the
 * edges from the hourly one) and outages from the outage history; one channel exactly from its own intervals.
 */
@ApplicationScoped
public class AvailabilityService {
    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final AgroalDataSource dataSource;
    private final AreaService areas;
    private final AvailabilityConfig config;

    AvailabilityService(AgroalDataSource dataSource, AreaService areas, AvailabilityConfig config) {
        this.dataSource = dataSource;
        this.areas = areas;
        this.config = config;
    }

    /** The period asked for, to whole hours (rollups are hourly); the last 24 hours by default. */
    record Period(Instant from, Instant to) {
        static Period of(Instant from, Instant to, Instant now) {
            Instant t = to == null ? now : to;
            Instant f = from == null ? t.minus(Duration.ofDays(1)) : from;
            if (!f.isBefore(t)) {
                throw ApiException.invalid("to", "must be after from");
            }
            if (Duration.between(f, t).compareTo(LONGEST_PERIOD) > 0) {
                throw ApiException.invalid("from", "the period is at most " + LONGEST_PERIOD.toDays() + " days");
            }
            Instant end = t.truncatedTo(ChronoUnit.HOURS);
            return new Period(f.truncatedTo(ChronoUnit.HOURS), end.equals(t) ? end : end.plus(1, ChronoUnit.HOURS));
        }
    }

    public AvailabilityReport groups(Scope scope, String areaCode, String groupByParam, Integer pointClass, String maintainer,
                                     Instant from, Instant to) {
        AvailabilityGroupBy groupBy = AvailabilityGroupBy.parse(groupByParam);
        Area area = areas.forGrouping(scope, areaCode, groupBy == null ? null : groupBy.level);
        Period p = Period.of(from, to, Instant.now());
        Map<String, String> names = groupBy != null && groupBy.level != null ? areas.namesAtLevel(area, groupBy.level) : Map.of();
        List<Object> filterParams = new ArrayList<>();
        String filter = filter(scope, area, pointClass, maintainer, "area_path", "point_class", "maintainer_unit", filterParams);
        String key = groupBy == null ? "''" : groupBy.key("area_path");

        // Whole local days inside the period from the daily rollup; the hours before and after them from the hourly one.
        LocalDate firstDay = LocalDate.ofInstant(p.from(), config.zone());
        if (firstDay.atStartOfDay(config.zone()).toInstant().isBefore(p.from())) {
            firstDay = firstDay.plusDays(1);
        }
        LocalDate endDay = LocalDate.ofInstant(p.to(), config.zone());
        Instant daysFrom = firstDay.atStartOfDay(config.zone()).toInstant();
        Instant daysTo = endDay.atStartOfDay(config.zone()).toInstant();
        boolean days = daysFrom.isBefore(daysTo);
        boolean sites = groupBy == AvailabilityGroupBy.SITE_CATEGORY;
        String columns = (sites ? "site_category, " : "") + "area_path, point_class, maintainer_unit, owner_unit, up_s, down_s, maintenance_s, unknown_s, removed_s";
        String sql = "SELECT " + key + " AS g, sum(up_s), sum(down_s), sum(maintenance_s), sum(unknown_s), sum(removed_s) FROM ("
                + "SELECT " + columns + " FROM " + (sites ? "availability_site_daily" : "availability_daily") + " WHERE day >= ? AND day < ? AND " + filter
                + " UNION ALL SELECT " + columns + " FROM " + (sites ? "availability_site_hourly" : "availability_hourly")
                + " WHERE hour >= ? AND hour < ? AND NOT (hour >= ? AND hour < ?) AND " + filter + ") r GROUP BY g ORDER BY g";
        List<Object> params = new ArrayList<>();
        params.add(days ? firstDay : LocalDate.of(1970, 1, 1));
        params.add(days ? endDay : LocalDate.of(1970, 1, 1));
        params.addAll(filterParams);
        params.add(Timestamp.from(p.from()));
        params.add(Timestamp.from(p.to()));
        params.add(Timestamp.from(days ? daysFrom : Instant.EPOCH));
        params.add(Timestamp.from(days ? daysTo : Instant.EPOCH));
        params.addAll(filterParams);

        Map<String, long[]> time = new java.util.TreeMap<>();
        query(sql, params, rs -> time.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}));

        // Outages that started in the period, and the longest stretch of any outage inside it, per group.
        List<Object> outageParams = new ArrayList<>();
        String outageFilter = filter(scope, area, pointClass, maintainer, "o.area_path", "o.point_class", "coalesce(c.maintainer_unit, '')", outageParams);
        String outageKey = groupBy == null ? "''" : sites ? "k.category" : groupBy == AvailabilityGroupBy.OWNER ? "coalesce(c.owner_unit, '')"
                : groupBy == AvailabilityGroupBy.MAINTAINER ? "coalesce(c.maintainer_unit, '')"
                : groupBy == AvailabilityGroupBy.POINT_CLASS ? "o.point_class::text" : groupBy.key("o.area_path");
        String outageSql = "SELECT " + outageKey + " AS g, count(*) FILTER (WHERE o.started_at >= ?), "
                + "max(floor(extract(epoch FROM least(coalesce(o.ended_at, now()), ?) - greatest(o.started_at, ?))))::bigint "
                + "FROM outage o LEFT JOIN camera c ON c.gb_id = o.gb_id " + (sites ? "JOIN (SELECT DISTINCT cs.camera_gb_id, s.category FROM camera_site cs "
                + "JOIN site s ON s.code = cs.site_code) k ON k.camera_gb_id = o.gb_id " : "")
                + "WHERE o.started_at < ? AND (o.ended_at IS NULL OR o.ended_at > ?) AND " + OutageFigures.LOSS_OF_STREAM + " AND "
                + outageFilter + " GROUP BY g";
        List<Object> op = new ArrayList<>(List.of(Timestamp.from(p.from()), Timestamp.from(p.to()), Timestamp.from(p.from()),
                Timestamp.from(p.to()), Timestamp.from(p.from())));
        op.addAll(outageParams);
        Map<String, long[]> outages = new java.util.HashMap<>();
        query(outageSql, op, rs -> outages.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));

        List<AvailabilityReport.Row> rows = new ArrayList<>();
        long[] sum = new long[5];
        long outageSum = 0;
        long longest = 0;
        java.util.Set<String> keys = new java.util.TreeSet<>(time.keySet());
        keys.addAll(outages.keySet());
        for (String k : keys) {
            long[] t = time.getOrDefault(k, new long[5]);
            long[] o = outages.getOrDefault(k, new long[2]);
            for (int i = 0; i < 5; i++) {
                sum[i] += t[i];
            }
            outageSum += o[0];
            longest = Math.max(longest, o[1]);
            rows.add(AvailabilityReport.Row.of(k, names.get(k), t[0], t[1], t[2], t[3], t[4], o[0], outages.containsKey(k) ? o[1] : null));
        }
        AvailabilityReport.Row total = AvailabilityReport.Row.of(area == null ? null : area.code, area == null ? null : area.name, sum[0], sum[1], sum[2],
                sum[3], sum[4], outageSum, outageSum == 0 && longest == 0 ? null : longest);
        return new AvailabilityReport(p.from(), p.to(), area == null ? null : area.code, groupBy == null ? null : groupBy.param, total,
                groupBy == null ? List.of() : rows);
    }

    /** One point of a trend: the share of up time of a point class in one hour or one day (null when nothing counted). */
    public record TrendPoint(Instant at, int pointClass, Double availability) {
    }

    /**
     * The online share of time per point class and hour over the last {@code hours}, or per local day over the last
     * {@code days} (today so far included), from the rollups: the figures of {@code /api/v1/availability} per period.
     */
    public List<TrendPoint> trend(Scope scope, String areaCode, ChronoUnit step, int points) {
        Area area = areas.forGrouping(scope, areaCode, null);
        List<Object> params = new ArrayList<>();
        boolean hourly = step == ChronoUnit.HOURS;
        Instant now = Instant.now();
        LocalDate firstDay = LocalDate.now(config.zone()).minusDays(points - 1L);
        params.add(hourly ? Timestamp.from(now.truncatedTo(ChronoUnit.HOURS).minus(points - 1L, ChronoUnit.HOURS)) : firstDay);
        String filter = filter(scope, area, null, null, "area_path", "point_class", "maintainer_unit", params);
        String sql = hourly
                ? "SELECT hour, point_class, sum(up_s), sum(down_s) FROM availability_hourly WHERE hour >= ? AND " + filter + " GROUP BY 1, 2 ORDER BY 1, 2"
                : "SELECT day, point_class, sum(up_s), sum(down_s) FROM availability_daily WHERE day >= ? AND " + filter + " GROUP BY 1, 2 ORDER BY 1, 2";
        List<TrendPoint> out = new ArrayList<>();
        query(sql, params, rs -> {
            Instant at = hourly ? rs.getTimestamp(1).toInstant() : rs.getObject(1, LocalDate.class).atStartOfDay(config.zone()).toInstant();
            long up = rs.getLong(3);
            long down = rs.getLong(4);
            out.add(new TrendPoint(at, rs.getShort(2), up + down == 0 ? null : up / (double) (up + down)));
        });
        return out;
    }

    /** One channel over a period, exactly, from its intervals and outages. */
    public Availability channel(String gbId, Instant from, Instant to) {
        Instant now = Instant.now();
        Instant t = to == null ? now : to;
        Instant f = from == null ? t.minus(Duration.ofDays(1)) : from;
        if (!f.isBefore(t)) {
            throw ApiException.invalid("to", "must be after from");
        }
        List<Availability.Interval> intervals = intervals(gbId, f, t);
        List<Availability.Outage> outages = new ArrayList<>();
        query("SELECT started_at, ended_at FROM outage o WHERE gb_id = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?) AND "
                        + OutageFigures.LOSS_OF_STREAM,
                List.of(gbId, Timestamp.from(t), Timestamp.from(f)), rs -> outages.add(new Availability.Outage(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant())));
        return Availability.of(intervals, outages, f, t, now);
    }

    /** How a channel's time counted over [from, to), oldest first; an open interval has no end. */
    public List<Availability.Interval> intervals(String gbId, Instant from, Instant to) {
        List<Availability.Interval> intervals = new ArrayList<>();
        query("SELECT category, started_at, ended_at FROM category_interval WHERE gb_id = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?) "
                        + "ORDER BY started_at", List.of(gbId, Timestamp.from(to), Timestamp.from(from)),
                rs -> intervals.add(new Availability.Interval(TimeCategory.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())));
        return intervals;
    }

    /** The rows' filter: the caller's scope, the area's subtree, a class, a maintainer unit. */
    static String filter(Scope scope, Area area, Integer pointClass, String maintainer, String pathColumn, String classColumn, String maintainerColumn,
                         List<Object> params) {
        StringBuilder sb = new StringBuilder(scope.sql(pathColumn, params));
        if (area != null) {
            sb.append(" AND ").append(pathColumn).append(" LIKE ?");
            params.add(area.path + "%");
        }
        if (pointClass != null) {
            sb.append(" AND ").append(classColumn).append(" = ?");
            params.add(pointClass.shortValue());
        }
        if (maintainer != null) {
            sb.append(" AND ").append(maintainerColumn).append(" = ?");
            params.add(maintainer);
        }
        return sb.toString();
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    void query(String sql, List<Object> params, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Availability query failed", e);
        }
    }
}
