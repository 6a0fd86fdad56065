package city.vigil.availability;

import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintainer units' monthly SLA report: per unit, its channels' availability (channel-time and the mean of the
 * channels' own figures), outages, MTTR, and its worst channels by down time. From the category intervals of the
 * month (one pass over them) and the outage history.
 */
@ApplicationScoped
public class MaintainerReport {
    static final int WORST = 5;

    public record Worst(String gbId, String name, long downSeconds, Double availability, long outages) {
    }

    public record Unit(String maintainerUnit, long channels, long upSeconds, long downSeconds, Double availability, Double meanChannelAvailability,
                       long outages, Long mttrSeconds, List<Worst> worstChannels) {
    }

    public record Report(String month, Instant from, Instant to, List<Unit> units) {
    }

    private final AvailabilityService service;
    private final AvailabilityConfig config;

    MaintainerReport(AvailabilityService service, AvailabilityConfig config) {
        this.service = service;
        this.config = config;
    }

    public Report month(Scope scope, String month) {
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.now(config.zone()) : YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "is a month such as 2026-11");
        }
        Instant from = ym.atDay(1).atStartOfDay(config.zone()).toInstant();
        Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(config.zone()).toInstant();
        Instant now = Instant.now();
        Instant until = to.isAfter(now) ? now : to;
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(until), Timestamp.from(until), Timestamp.from(from), Timestamp.from(until),
                Timestamp.from(from)));
        String scopeSql = scope.sql("c.area_path", params);
        String perChannel = "SELECT coalesce(c.maintainer_unit, '') AS unit, c.gb_id, c.name, "
                + "coalesce(sum(i.s) FILTER (WHERE i.category = 'UP'), 0) AS up, coalesce(sum(i.s) FILTER (WHERE i.category = 'DOWN'), 0) AS down "
                + "FROM (SELECT gb_id, category, floor(extract(epoch FROM least(coalesce(ended_at, ?), ?) - greatest(started_at, ?)))::bigint AS s "
                + "FROM category_interval WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)) i JOIN camera c ON c.gb_id = i.gb_id "
                + "WHERE " + scopeSql + " GROUP BY 1, 2, 3";
        Map<String, List<long[]>> byUnit = new LinkedHashMap<>();
        Map<String, List<Worst>> worst = new LinkedHashMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        service.query("SELECT unit, gb_id, name, up, down, row_number() OVER (PARTITION BY unit ORDER BY down DESC, gb_id) FROM (" + perChannel
                + ") t ORDER BY unit", params, rs -> {
                    String unit = rs.getString(1);
                    long up = rs.getLong(4);
                    long down = rs.getLong(5);
                    byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(new long[] {up, down});
                    if (rs.getLong(6) <= WORST && down > 0) {
                        names.put(rs.getString(2).trim(), rs.getString(3));
                        worst.computeIfAbsent(unit, u -> new ArrayList<>()).add(new Worst(rs.getString(2).trim(), rs.getString(3), down,
                                up + down == 0 ? null : round(up / (double) (up + down)), 0));
                    }
                });
        List<Object> outageParams = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        String outageScope = scope.sql("o.area_path", outageParams);
        Map<String, Long> outagesByUnit = new java.util.HashMap<>();
        Map<String, Long> outagesByChannel = new java.util.HashMap<>();
        service.query("SELECT coalesce(c.maintainer_unit, ''), o.gb_id, count(*) FROM outage o LEFT JOIN camera c ON c.gb_id = o.gb_id "
                + "WHERE o.started_at >= ? AND o.started_at < ? AND " + outageScope + " GROUP BY 1, 2", outageParams, rs -> {
                    outagesByUnit.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    outagesByChannel.put(rs.getString(2).trim(), rs.getLong(3));
                });
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> e : byUnit.entrySet()) {
            long up = 0;
            long down = 0;
            double meanSum = 0;
            int counted = 0;
            for (long[] ch : e.getValue()) {
                up += ch[0];
                down += ch[1];
                if (ch[0] + ch[1] > 0) {
                    meanSum += ch[0] / (double) (ch[0] + ch[1]);
                    counted++;
                }
            }
            long outages = outagesByUnit.getOrDefault(e.getKey(), 0L);
            List<Worst> w = worst.getOrDefault(e.getKey(), List.of()).stream()
                    .map(x -> new Worst(x.gbId(), x.name(), x.downSeconds(), x.availability(), outagesByChannel.getOrDefault(x.gbId(), 0L))).toList();
            units.add(new Unit(e.getKey(), e.getValue().size(), up, down, up + down == 0 ? null : round(up / (double) (up + down)),
                    counted == 0 ? null : round(meanSum / counted), outages, outages == 0 ? null : down / outages, w));
        }
        return new Report(ym.toString(), from, to, units);
    }

    /** The report as CSV (one line per unit, its worst channels in one column), for spreadsheets. */
    static String csv(Report r) {
        StringBuilder sb = new StringBuilder("month,maintainerUnit,channels,availability,meanChannelAvailability,upSeconds,downSeconds,outages,"
                + "mttrSeconds,worstChannels\n");
        for (Unit u : r.units()) {
            sb.append(r.month()).append(',').append(field(u.maintainerUnit())).append(',').append(u.channels()).append(',')
                    .append(u.availability() == null ? "" : u.availability()).append(',')
                    .append(u.meanChannelAvailability() == null ? "" : u.meanChannelAvailability()).append(',').append(u.upSeconds()).append(',')
                    .append(u.downSeconds()).append(',').append(u.outages()).append(',').append(u.mttrSeconds() == null ? "" : u.mttrSeconds()).append(',')
                    .append(field(String.join(" ", u.worstChannels().stream().map(w -> w.gbId() + ":" + w.downSeconds() + "s").toList()))).append('\n');
        }
        return sb.toString();
    }

    private static String field(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
