package city.vigil.camera;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Camera registry rules: create, replace, delete, credentials, site links, lists and counts. */
@ApplicationScoped
public class CameraService {

    @Inject
    EntityManager em;
    @Inject
    AreaService areas;
    @Inject
    CameraRecords records;
    @Inject
    Event<CamerasChanged> changed;

    /** A stored camera with the warnings its write raised (e.g. the ID's division disagrees with the area). */
    public record Saved(Camera camera, List<String> warnings) {
    }

    public Optional<Camera> find(Scope scope, String gbId) {
        return Camera.findByGbId(gbId).filter(c -> scope.allows(c.areaPath));
    }

    public Camera get(Scope scope, String gbId) {
        return find(scope, gbId).orElseThrow(() -> ApiException.notFound("Camera", gbId));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Saved create(Scope scope, CameraRequest request) {
        CameraRecords.Built built = build(scope, request);
        if (Camera.findByGbId(request.gbId()).isPresent()) {
            throw new ApiException(ApiError.DUPLICATE, "Camera '" + request.gbId() + "' already exists");
        }
        Camera camera = new Camera();
        built.record().applyTo(camera);
        camera.persist();
        em.flush();
        linkSites(camera.gbId, request.sites());
        changed.fire(new CamerasChanged(camera.gbId));
        return new Saved(camera, built.warnings());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Saved update(Scope scope, String gbId, CameraRequest request, String ifMatch) {
        Camera camera = get(scope, gbId);
        Versions.checkIfMatch(ifMatch, camera.version);
        if (request.gbId() != null && !request.gbId().equals(gbId)) {
            throw ApiException.invalid("gbId", "does not match the path; a camera's gbId cannot change");
        }
        CameraRecords.Built built = build(scope, request.withGbId(gbId));
        built.record().applyTo(camera);
        em.flush();
        linkSites(gbId, request.sites());
        changed.fire(new CamerasChanged(gbId));
        return new Saved(camera, built.warnings());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public void delete(Scope scope, String gbId, String ifMatch) {
        Camera camera = get(scope, gbId);
        Versions.checkIfMatch(ifMatch, camera.version);
        Number lanes = (Number) em.createNativeQuery("SELECT count(*) FROM checkpoint_lane WHERE capture_camera_gb_id = ?1")
                .setParameter(1, gbId).getSingleResult();
        if (lanes.longValue() > 0) {
            throw new ApiException(ApiError.IN_USE, "Camera '" + gbId + "' captures " + lanes + " checkpoint lanes; reassign them first");
        }
        camera.delete();
        changed.fire(new CamerasChanged(gbId));
    }

    /** Stores (or, with a null value, clears) the credentials of one stream; they are never returned. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Camera setCredentials(Scope scope, String gbId, String stream, String username, String password, String ifMatch) {
        Camera camera = get(scope, gbId);
        Versions.checkIfMatch(ifMatch, camera.version);
        byte[] sealed = null;
        if (username != null) {
            sealed = records.seal(gbId, stream, username + ":" + (password == null ? "" : password));
        }
        if (stream.equals("MAIN")) {
            camera.mainCredentials = sealed;
        } else {
            camera.subCredentials = sealed;
        }
        em.flush();
        changed.fire(new CamerasChanged(gbId));
        return camera;
    }

    public Page<CameraView> list(Scope scope, CameraFilter filter, String after, int limit) {
        SqlWhere where = where(scope, filter);
        if (after != null) {
            where.and("gb_id > ?", after);
        }
        @SuppressWarnings("unchecked")
        List<Camera> rows = where.bind(em.createNativeQuery(
                "SELECT * FROM camera WHERE " + where.sql() + " ORDER BY gb_id LIMIT " + (limit + 1), Camera.class))
                .getResultList();
        Map<String, List<String>> sites = sitesOf(rows.stream().map(c -> c.gbId).toList());
        return Page.of(rows, limit, c -> c.gbId, c -> CameraView.of(c, sites.getOrDefault(c.gbId, List.of()), null));
    }

    /** Counts grouped in the database; area keys get their names from one extra lookup. */
    public CameraCounts counts(Scope scope, CameraFilter filter, List<CameraGroup> groups) {
        SqlWhere where = where(scope, filter);
        String keys = groups.stream().map(g -> g.sql).collect(Collectors.joining(", "));
        String sql = "SELECT " + keys + ", count(*) FROM camera WHERE " + where.sql() + " GROUP BY " + keys + " ORDER BY " + keys;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery(sql)).getResultList();
        Set<String> areaCodes = new LinkedHashSet<>();
        for (Object[] row : rows) {
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).namesArea() && row[i] != null) {
                    areaCodes.add(row[i].toString().trim());
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        if (!areaCodes.isEmpty()) {
            Area.<Area>list("code in ?1", areaCodes).forEach(a -> names.put(a.code, a.name));
        }
        long total = 0;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> group = new LinkedHashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                CameraGroup g = groups.get(i);
                Object key = row[i] instanceof Number n ? (Object) n.intValue() : row[i] == null ? null : row[i].toString().trim();
                group.put(g.param, key);
                if (g.namesArea()) {
                    group.put(g.param + "Name", key == null ? null : names.get(key.toString()));
                }
            }
            long count = ((Number) row[groups.size()]).longValue();
            group.put("count", count);
            total += count;
            out.add(group);
        }
        return new CameraCounts(groups.stream().map(g -> g.param).toList(), total, out);
    }

    public SqlWhere where(Scope scope, CameraFilter filter) {
        String areaPath = filter.area() == null ? null : areas.requireForResource(scope, "area", filter.area()).path;
        return CameraQuery.where(scope, filter, areaPath);
    }

    public List<String> sitesOf(String gbId) {
        return sitesOf(List.of(gbId)).getOrDefault(gbId, List.of());
    }

    private Map<String, List<String>> sitesOf(List<String> gbIds) {
        if (gbIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT camera_gb_id, site_code FROM camera_site WHERE camera_gb_id IN (?1) ORDER BY site_code")
                .setParameter(1, gbIds).getResultList();
        Map<String, List<String>> byCamera = new HashMap<>();
        for (Object[] row : rows) {
            byCamera.computeIfAbsent(row[0].toString(), k -> new ArrayList<>()).add(row[1].toString());
        }
        return byCamera;
    }

    private CameraRecords.Built build(Scope scope, CameraRequest request) {
        Checks checks = new Checks();
        CameraRecords.Built built = records.build(request,
                code -> areas.find(scope, code).map(a -> a.path).orElse(null), checks);
        checkSites(request.sites(), checks);
        checks.throwIfAny();
        return built;
    }

    private void checkSites(List<String> sites, Checks checks) {
        if (sites == null || sites.isEmpty()) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(sites);
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("SELECT code FROM site WHERE code IN (?1)").setParameter(1, wanted).getResultList();
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            checks.fail("sites", "no such key sites: " + String.join(", ", wanted));
        }
    }

    /** Replaces a camera's site links; null leaves them as they are. */
    private void linkSites(String gbId, List<String> sites) {
        if (sites == null) {
            return;
        }
        em.createNativeQuery("DELETE FROM camera_site WHERE camera_gb_id = ?1").setParameter(1, gbId).executeUpdate();
        for (String site : new LinkedHashSet<>(sites)) {
            em.createNativeQuery("INSERT INTO camera_site (camera_gb_id, site_code) VALUES (?1, ?2)")
                    .setParameter(1, gbId).setParameter(2, site).executeUpdate();
        }
    }
}
