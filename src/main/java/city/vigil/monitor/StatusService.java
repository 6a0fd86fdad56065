package city.vigil.monitor;

import city.vigil.camera.Camera;
import city.vigil.camera.CameraFilter;
import city.vigil.camera.CameraService;
import city.vigil.camera.Lifecycle;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.Timestamps;
import city.vigil.platform.SqlWhere;
import city.vigil.probe.ProbeCause;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Channel statuses for the API: live from the monitor when this node monitors the channel, else as PostgreSQL last
 * recorded it. Lists filter like the camera registry, plus state and flapping.
 */
@ApplicationScoped
public class StatusService {

    @Inject
    EntityManager em;
    @Inject
    CameraService cameras;
    @Inject
    MonitorService monitor;

    /** One row of the status list. */
    public record Item(String gbId, String name, String areaCode, int pointClass, String maintainerUnit, ChannelView status) {
    }

    public ChannelView status(Scope scope, String gbId) {
        Camera camera = cameras.get(scope, gbId);
        return monitor.channel(gbId).orElseGet(() -> recorded(camera.gbId, camera.lifecycle == Lifecycle.IN_USE, camera.parentGbId));
    }

    public Page<Item> list(Scope scope, CameraFilter filter, List<LinkState> states, Boolean flapping, String after, int limit) {
        SqlWhere cameraWhere = cameras.where(scope, filter);
        // Channels the monitor has seen have a status row. Without UNKNOWN in the filter the statuses drive the query
        // (their (state, gb_id) index yields the page in order); otherwise every camera is a candidate.
        boolean fromStatuses = states != null && !states.isEmpty() && !states.contains(LinkState.UNKNOWN);
        SqlWhere where = new SqlWhere();
        if (states != null && !states.isEmpty()) {
            where.and((fromStatuses ? "s.state" : "coalesce(s.state, 'UNKNOWN')") + " IN (" + "?,".repeat(states.size() - 1) + "?)",
                    states.stream().map(Enum::name).toArray());
        }
        if (flapping != null) {
            where.and("coalesce(s.flapping, false) = ?", flapping);
        }
        if (after != null) {
            where.and((fromStatuses ? "s" : "c") + ".gb_id > ?", after);
        }
        String columns = "SELECT c.gb_id, c.name, c.area_code, c.point_class, c.maintainer_unit, c.lifecycle, c.parent_gb_id, "
                + "s.state, s.since, s.cause, s.flapping, s.last_seen_at, s.last_probe_at, s.detail ";
        String sql = fromStatuses
                ? columns + "FROM channel_status s JOIN camera c ON c.gb_id = s.gb_id WHERE " + cameraWhere.sql() + " AND " + where.sql()
                        + " ORDER BY s.gb_id LIMIT " + (limit + 1)
                : columns + "FROM (SELECT gb_id, name, area_code, point_class, maintainer_unit, lifecycle, parent_gb_id FROM camera WHERE "
                        + cameraWhere.sql() + ") c LEFT JOIN channel_status s ON s.gb_id = c.gb_id WHERE " + where.sql()
                        + " ORDER BY c.gb_id LIMIT " + (limit + 1);
        // Parameters in the order they appear: the camera filters first, then the status filters.
        var query = em.createNativeQuery(sql);
        List<Object> params = new java.util.ArrayList<>(cameraWhere.params());
        params.addAll(where.params());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows, limit, r -> ((String) r[0]).trim(), this::item);
    }

    private Item item(Object[] r) {
        String gbId = ((String) r[0]).trim();
        String parent = r[6] == null ? null : ((String) r[6]).trim();
        boolean inService = Lifecycle.valueOf((String) r[5]) == Lifecycle.IN_USE;
        ChannelView status = monitor.channel(gbId).orElseGet(() -> r[7] == null ? unknown(gbId, inService, parent)
                : ChannelView.recorded(gbId, LinkState.valueOf((String) r[7]), Timestamps.instant(r[8]), cause(r[9]), Boolean.TRUE.equals(r[10]),
                inService, Timestamps.instant(r[11]), Timestamps.instant(r[12]), (String) r[13], parent));
        return new Item(gbId, (String) r[1], (String) r[2], ((Number) r[3]).intValue(), (String) r[4], status);
    }

    private ChannelView recorded(String gbId, boolean inService, String parent) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT state, since, cause, flapping, last_seen_at, last_probe_at, detail "
                + "FROM channel_status WHERE gb_id = ?1").setParameter(1, gbId).getResultList();
        if (rows.isEmpty()) {
            return unknown(gbId, inService, parent);
        }
        Object[] r = rows.get(0);
        return ChannelView.recorded(gbId, LinkState.valueOf((String) r[0]), Timestamps.instant(r[1]), cause(r[2]), Boolean.TRUE.equals(r[3]),
                inService, Timestamps.instant(r[4]), Timestamps.instant(r[5]), (String) r[6], parent);
    }

    private static ChannelView unknown(String gbId, boolean inService, String parent) {
        return ChannelView.recorded(gbId, LinkState.UNKNOWN, null, null, false, inService, null, null, null, parent);
    }

    private static ProbeCause cause(Object value) {
        return value == null ? null : ProbeCause.valueOf((String) value);
    }
}
