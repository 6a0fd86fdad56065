package city.vigil.outage;

import city.vigil.area.AreaPath;
import city.vigil.area.AreaService;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading and acknowledging outages; the monitor's journal opens and closes them through {@link OutageStore}. */
@ApplicationScoped
public class OutageService {

    @Inject
    EntityManager em;
    @Inject
    AreaService areas;
    @Inject
    OutageStore store;

    /**
     * Outage filters; null means any. {@code from}/{@code to}: outages that overlap the period. {@code maintainer}: the
     * camera's maintainer unit now.
     */
    public record Filter(String area, Boolean open, String cause, String gbId, List<Integer> pointClasses, String maintainer, Instant from,
                         Instant to) {
        public Filter(String area, Boolean open, String cause, String gbId) {
            this(area, open, cause, gbId, List.of(), null, null, null);
        }
    }

    public Page<OutageView> list(Scope scope, Filter filter, Long after, int limit) {
        SqlWhere where = new SqlWhere().scope(scope, "area_path");
        if (filter.area() != null) {
            where.and("area_path LIKE ?", areas.requireForResource(scope, "area", filter.area()).path + "%");
        }
        if (filter.open() != null) {
            where.and(filter.open() ? "ended_at IS NULL" : "ended_at IS NOT NULL");
        }
        if (filter.cause() != null) {
            where.and("cause = ?", filter.cause());
        }
        if (filter.gbId() != null) {
            where.and("gb_id = ?", filter.gbId());
        }
        if (!filter.pointClasses().isEmpty()) {
            where.and("point_class IN (" + String.join(", ", java.util.Collections.nCopies(filter.pointClasses().size(), "?")) + ")",
                    filter.pointClasses().stream().map(Integer::shortValue).toArray());
        }
        if (filter.maintainer() != null) {
            where.and("gb_id IN (SELECT gb_id FROM camera WHERE maintainer_unit = ?)", filter.maintainer());
        }
        if (filter.from() != null) {
            where.and("(ended_at IS NULL OR ended_at > ?)", java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.and("started_at < ?", java.sql.Timestamp.from(filter.to()));
        }
        if (after != null) {
            where.and("id < ?", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery(SELECT + " WHERE " + where.sql() + " ORDER BY id DESC LIMIT " + (limit + 1)))
                .getResultList();
        return Page.of(rows, limit, r -> String.valueOf(((Number) r[0]).longValue()), OutageService::view);
    }

    public Optional<OutageView> find(Scope scope, long id) {
        SqlWhere where = new SqlWhere().scope(scope, "area_path").and("id = ?", id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery(SELECT + " WHERE " + where.sql())).getResultList();
        return rows.stream().findFirst().map(OutageService::view);
    }

    public OutageView acknowledge(Scope scope, long id, AckRequest request) {
        check(request);
        find(scope, id).orElseThrow(() -> ApiException.notFound("Outage", String.valueOf(id)));
        if (!store.acknowledge(id, request.by().trim(), request.note(), Instant.now())) {
            OutageView held = find(scope, id).orElseThrow();
            throw new ApiException(ApiError.ALREADY_ACKNOWLEDGED, "Acknowledged already by " + held.ack().by() + " at " + held.ack().at()
                    + (held.ack().note() == null ? "" : " (" + held.ack().note() + ")") + "; the first acknowledgement stands");
        }
        return find(scope, id).orElseThrow();
    }

    /**
     * Acknowledges every open, unacknowledged outage of one cause ({@code UNKNOWN} for none) in the area (everywhere
     * the caller may see when null) with one note; returns how many. Availability is untouched.
     */
    public int acknowledgeAll(Scope scope, String area, String cause, AckRequest request) {
        Checks checks = new Checks();
        checks.required("cause", cause);
        checks.required("note", request.note());
        checks.throwIfAny();
        check(request);
        SqlWhere where = new SqlWhere().scope(scope, "area_path").and("coalesce(cause, 'UNKNOWN') = ?", cause.trim());
        if (area != null) {
            where.and("area_path LIKE ?", areas.requireForResource(scope, "area", area).path + "%");
        }
        return store.acknowledgeAll(where, request.by().trim(), request.note().trim(), Instant.now());
    }

    private static void check(AckRequest request) {
        Checks checks = new Checks();
        if (checks.required("by", request.by())) {
            checks.maxLength("by", request.by(), 64);
        }
        checks.maxLength("note", request.note(), 512);
        checks.throwIfAny();
    }

    static final String SELECT = "SELECT id, gb_id, area_path, point_class, cause, started_at, ended_at, acked_by, acked_at, ack_note FROM outage";

    static OutageView view(Object[] r) {
        Instant started = Timestamps.instant(r[5]);
        Instant ended = Timestamps.instant(r[6]);
        Instant end = ended == null ? Instant.now() : ended;
        OutageView.Ack ack = r[7] == null ? null : new OutageView.Ack((String) r[7], Timestamps.instant(r[8]), (String) r[9]);
        return new OutageView(((Number) r[0]).longValue(), ((String) r[1]).trim(), AreaPath.code((String) r[2]), ((Number) r[3]).intValue(),
                (String) r[4], started, ended, ended == null, Math.max(0, end.getEpochSecond() - started.getEpochSecond()), ack);
    }
}
