package city.vigil.outage;

import city.vigil.area.Area;
import city.vigil.area.AreaPath;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Timestamps;
import city.vigil.probe.ImageFault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outage figures an operator's pages show, each one SQL statement over the outage history within the caller's
 * scope: open outages by cause, unacknowledged ones per sub-area, the newest unacknowledged, incidents (one parent
 * device or one district down), what was resolved since a time, the cameras down now a page at a time, and the
 * cameras that go down most often.
 */
@ApplicationScoped
public class OutageFigures {

    /**
     * One definition of down, for an outage aliased {@code o}: the outages that count against availability and MTTR
     * are losses of stream, whose time is the DOWN category; an image fault's outage (the stream plays: DEGRADED counts
     * as up) is reported with the faults.
     */
    public static final String LOSS_OF_STREAM = "(o.cause IS NULL OR o.cause NOT IN (" + Arrays.stream(ImageFault.values())
            .map(f -> "'" + f.name() + "'").collect(Collectors.joining(", ")) + "))";

    @Inject
    EntityManager em;

    /** Open outages of one cause ({@code UNKNOWN} for none): how many, and how many nobody acknowledged yet. */
    public record CauseCount(String cause, long open, long unacknowledged) {
    }

    /** One parent device (NVR, encoder, platform) that is down with every camera behind it, or one district's mass outage. */
    public record Incident(String kind, String key, String areaCode, long cameras, Instant since) {
    }

    /** A camera's outages in a period and the time it was down in it. */
    public record Offender(String gbId, String areaCode, int pointClass, long outages, long downSeconds, long periodSeconds) {
        /** Its availability over the period, counting the down time of its losses of stream. */
        public double availability() {
            return Math.max(0, 1 - downSeconds / (double) periodSeconds);
        }
    }

    public List<CauseCount> openByCause(Scope scope, Area area) {
        SqlWhere where = within(scope, area).and("ended_at IS NULL");
        return rows("SELECT coalesce(cause, 'UNKNOWN'), count(*), count(*) FILTER (WHERE acked_at IS NULL) FROM outage WHERE " + where.sql()
                + " GROUP BY 1 ORDER BY 2 DESC, 1", where).stream()
                .map(r -> new CauseCount((String) r[0], number(r[1]), number(r[2]))).toList();
    }

    /** Unacknowledged open outages per area one level below {@code area} (districts of the whole registry). */
    public Map<String, Long> unacknowledgedBelow(Scope scope, Area area) {
        SqlWhere where = within(scope, area).and("ended_at IS NULL AND acked_at IS NULL");
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT split_part(area_path, '/', " + childSegment(area) + "), count(*) FROM outage WHERE " + where.sql()
                + " GROUP BY 1", where)) {
            out.put((String) r[0], number(r[1]));
        }
        return out;
    }

    /** Open outages nobody acknowledged, newest first. */
    public List<OutageView> newestUnacknowledged(Scope scope, Area area, int limit) {
        SqlWhere where = within(scope, area).and("ended_at IS NULL AND acked_at IS NULL");
        return rows(OutageService.SELECT + " WHERE " + where.sql() + " ORDER BY started_at DESC, id DESC LIMIT " + limit, where).stream()
                .map(OutageService::view).toList();
    }

    /** Outages that ended since {@code since}, newest end first, and how many in all. */
    public List<OutageView> resolvedSince(Scope scope, Area area, Instant since, int limit) {
        SqlWhere where = within(scope, area).and("ended_at >= ?", Timestamp.from(since));
        return rows(OutageService.SELECT + " WHERE " + where.sql() + " ORDER BY ended_at DESC, id DESC LIMIT " + limit, where).stream()
                .map(OutageService::view).toList();
    }

    public long countResolvedSince(Scope scope, Area area, Instant since) {
        SqlWhere where = within(scope, area).and("ended_at >= ?", Timestamp.from(since));
        return number(rows("SELECT count(*) FROM outage WHERE " + where.sql(), where).get(0));
    }

    /**
     * Incidents open now, largest first: districts in a mass outage, and parent devices (NVR, encoder, platform) that
     * are down. The monitor gives a parent that went down one outage under the parent's own ID, and its cameras go
     * UNREACHABLE without outages of their own; the incident counts the cameras registered behind it.
     */
    public List<Incident> incidents(Scope scope, Area area) {
        SqlWhere parents = within(scope, area, "o.area_path").and("o.ended_at IS NULL")
                // A semi-join on the parents' index: one pass, not one probe per open outage of the city.
                .and("o.gb_id IN (SELECT parent_gb_id FROM camera WHERE parent_gb_id IS NOT NULL)");
        List<Object[]> byParent = rows("SELECT o.gb_id, o.area_path, (SELECT count(*) FROM camera c WHERE c.parent_gb_id = o.gb_id), o.started_at "
                + "FROM outage o WHERE " + parents.sql(), parents);
        SqlWhere areas = within(scope, area).and("ended_at IS NULL");
        List<Object[]> byArea = rows("SELECT area_path, announced, started_at FROM area_outage_episode WHERE " + areas.sql(), areas);
        List<Incident> out = new ArrayList<>();
        byArea.forEach(r -> out.add(new Incident("AREA", AreaPath.code((String) r[0]), AreaPath.code((String) r[0]), number(r[1]),
                Timestamps.instant(r[2]))));
        byParent.forEach(r -> out.add(new Incident("PARENT", ((String) r[0]).trim(), AreaPath.code((String) r[1]), number(r[2]),
                Timestamps.instant(r[3]))));
        out.sort(Comparator.comparingLong(Incident::cameras).reversed());
        return out;
    }

    /**
     * The cameras that go down most since {@code since}, at most {@code limit}: by number of outages (then down time),
     * or by down time (losses of stream only: the lowest availability) when {@code byDownTime}.
     */
    public List<Offender> chronic(Scope scope, Area area, Instant since, int limit, boolean byDownTime) {
        SqlWhere where = within(scope, area, "o.area_path").and("(o.ended_at IS NULL OR o.ended_at > ?)", Timestamp.from(since));
        if (byDownTime) {
            where.and(LOSS_OF_STREAM);
        }
        return rows("SELECT o.gb_id, min(o.area_path), min(o.point_class), count(*), "
                + "round(sum(extract(epoch FROM coalesce(o.ended_at, now()) - greatest(o.started_at, CAST(? AS timestamptz))))) FROM outage o WHERE "
                + where.sql() + " GROUP BY o.gb_id ORDER BY " + (byDownTime ? "5 DESC, 4 DESC" : "4 DESC, 5 DESC") + ", 1 LIMIT " + limit,
                where, Timestamp.from(since)).stream()
                .map(r -> new Offender(((String) r[0]).trim(), AreaPath.code((String) r[1]), ((Number) r[2]).intValue(), number(r[3]), number(r[4]),
                        Math.max(1, Instant.now().getEpochSecond() - since.getEpochSecond())))
                .toList();
    }

    /**
     * Which open outages a down list shows; null means any. {@code causes}: each must match (a liveness cause and an image
     * fault together match nothing). {@code downAtLeast}: down for at least this long.
     */
    public record DownFilter(Integer pointClass, List<String> causes, Duration downAtLeast, Boolean acknowledged) {
    }

    /** A camera down now, as the desk lists it: its open outage, its state, its name and who maintains it. */
    public record Down(long outageId, String gbId, String name, int pointClass, String state, String cause, Instant since,
                       String maintainerUnit, String areaCode, boolean acknowledged, String ackBy, String ackNote) {
    }

    /** One page of a down list and how many match in all. */
    public record DownPage(List<Down> items, long total, int offset, int limit) {
    }

    /** The area's cameras with an open outage, class 1 first, then the longest down; a page of them. */
    public DownPage down(Scope scope, Area area, DownFilter filter, int offset, int limit) {
        SqlWhere where = downWhere(scope, area, filter);
        return new DownPage(downRows(where, offset, limit), number(rows("SELECT count(*) FROM outage o WHERE " + where.sql(), where).get(0)), offset,
                limit);
    }

    /** The first of the down list without its count, for a caller that knows the count already (the outage desk's groups). */
    public List<Down> firstDown(Scope scope, Area area, DownFilter filter, int limit) {
        return downRows(downWhere(scope, area, filter), 0, limit);
    }

    private static SqlWhere downWhere(Scope scope, Area area, DownFilter filter) {
        SqlWhere where = within(scope, area, "o.area_path").and("o.ended_at IS NULL");
        if (filter.pointClass() != null) {
            where.and("o.point_class = ?", filter.pointClass().shortValue());
        }
        for (String cause : filter.causes()) {
            where.and("coalesce(o.cause, 'UNKNOWN') = ?", cause);
        }
        if (filter.downAtLeast() != null) {
            where.and("o.started_at <= ?", Timestamp.from(Instant.now().minus(filter.downAtLeast())));
        }
        if (filter.acknowledged() != null) {
            where.and(filter.acknowledged() ? "o.acked_at IS NOT NULL" : "o.acked_at IS NULL");
        }
        return where;
    }

    private List<Down> downRows(SqlWhere where, int offset, int limit) {
        // The page of outages first (in the order of outage_open_order_idx), then its cameras: 50 lookups, not a join of every open outage.
        return rows("SELECT o.id, o.gb_id, c.name, o.point_class, s.state, o.cause, o.started_at, c.maintainer_unit, o.area_path, "
                + "o.acked_at IS NOT NULL, o.acked_by, o.ack_note FROM (SELECT * FROM outage o WHERE " + where.sql() + " ORDER BY o.point_class, o.started_at, o.id OFFSET "
                + offset + " LIMIT " + limit + ") o LEFT JOIN camera c ON c.gb_id = o.gb_id LEFT JOIN channel_status s ON s.gb_id = o.gb_id "
                + "ORDER BY o.point_class, o.started_at, o.id", where).stream()
                .map(r -> new Down(number(r[0]), ((String) r[1]).trim(), (String) r[2], ((Number) r[3]).intValue(), (String) r[4], (String) r[5],
                        Timestamps.instant(r[6]), (String) r[7], AreaPath.code((String) r[8]), (Boolean) r[9], (String) r[10], (String) r[11]))
                .toList();
    }

    private static SqlWhere within(Scope scope, Area area) {
        return within(scope, area, "area_path");
    }

    private static SqlWhere within(Scope scope, Area area, String pathColumn) {
        SqlWhere where = new SqlWhere().scope(scope, pathColumn);
        if (area != null) {
            where.and(pathColumn + " LIKE ?", area.path + "%");
        }
        return where;
    }

    private static int childSegment(Area area) {
        return AreaPath.childSegment(area == null ? null : area.path);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, SqlWhere where, Object... first) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < first.length; i++) {
            query.setParameter(i + 1, first[i]);
        }
        List<?> result = where.bind(query, first.length + 1).getResultList();
        return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) (o instanceof Object[] a ? a[0] : o)).longValue();
    }
}
