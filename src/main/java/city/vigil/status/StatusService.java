package city.vigil.status;


import city.vigil.camera.Camera;
import city.vigil.camera.CameraFilter;
import city.vigil.camera.CameraService;
import city.vigil.camera.Lifecycle;
import city.vigil.platform.ApiException;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Timestamps;
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
    LiveChannels monitor;

    /** One row of the status list. */
    public record Item(String gbId, String name, String areaCode, int pointClass, String maintainerUnit, ChannelView status) {
    }

    public ChannelView status(Scope scope, String gbId) {
        Camera camera = cameras.get(scope, gbId);
        return monitor.channel(gbId).orElseGet(() -> recorded(camera.gbId, camera.lifecycle == Lifecycle.IN_USE, camera.parentGbId));
    }

    /**
     * Statuses in area order, then by gbId: an area's cameras sit together in the area-path index, so a page of
     * "ONLINE in Tianhe" reads about a page of rows at a million cameras, and a rare state is read from the state
     * index instead. {@code after} is the previous page's {@code next} ({@code gbId@areaPath}).
     */
    public Page<Item> list(Scope scope, CameraFilter filter, List<LinkState> states, Boolean flapping, String after, int limit) {
        SqlWhere where = cameras.where(scope, filter);
        // Channels the monitor has seen have a status row; without UNKNOWN in the filter the others cannot match.
        boolean statusRequired = states != null && !states.isEmpty() && !states.contains(LinkState.UNKNOWN);
        if (states != null && !states.isEmpty()) {
            where.and((statusRequired ? "s.state" : "coalesce(s.state, 'UNKNOWN')") + " IN (" + "?,".repeat(states.size() - 1) + "?)",
                    states.stream().map(Enum::name).toArray());
        }
        if (flapping != null) {
            where.and("coalesce(s.flapping, false) = ?", flapping);
        }
        if (after != null) {
            int at = after.indexOf('@');
            if (at != 20) {
                throw ApiException.invalid("after", "must be the `next` of the previous page");
            }
            String path = after.substring(21);
            where.and("c.area_path ~>=~ ? AND (c.area_path ~>~ ? OR c.gb_id > ?)", path, path, after.substring(0, 20));
        }
        String sql = "SELECT c.gb_id, c.name, c.area_code, c.point_class, c.maintainer_unit, c.lifecycle, c.parent_gb_id, "
                + "s.state, s.since, s.cause, s.flapping, s.last_seen_at, s.last_probe_at, s.detail, c.area_path "
                + "FROM camera c " + (statusRequired ? "JOIN" : "LEFT JOIN") + " channel_status s ON s.gb_id = c.gb_id WHERE "
                + where.sql() + " ORDER BY c.area_path USING ~<~, c.gb_id LIMIT " + (limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery(sql)).getResultList();
        return Page.of(rows, limit, r -> ((String) r[0]).trim() + "@" + r[14], this::item);
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
