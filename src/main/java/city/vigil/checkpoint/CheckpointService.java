package city.vigil.checkpoint;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.camera.Camera;
import city.vigil.camera.Lifecycle;
import city.vigil.gbid.DeviceKind;
import city.vigil.gbid.GbId;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Outcome;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checkpoint (卡口) registry rules: type code 121, usage 80/81/82, lanes with their capture cameras. */
@ApplicationScoped
public class CheckpointService {

    @Inject
    EntityManager em;
    @Inject
    AreaService areas;

    public record Saved(Checkpoint checkpoint, List<String> warnings) {
    }

    public Optional<Checkpoint> find(Scope scope, String gbId) {
        return Checkpoint.findByGbId(gbId).filter(c -> scope.allows(c.areaPath));
    }

    public Checkpoint get(Scope scope, String gbId) {
        return find(scope, gbId).orElseThrow(() -> ApiException.notFound("Checkpoint", gbId));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Saved create(Scope scope, CheckpointRequest request) {
        Checks checks = check(request);
        Area area = area(scope, request, checks);
        checks.throwIfAny();
        if (Checkpoint.findByGbId(request.gbId()).isPresent()) {
            throw new ApiException(ApiError.DUPLICATE, "Checkpoint '" + request.gbId() + "' already exists");
        }
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.gbId = request.gbId();
        apply(checkpoint, request, area);
        checkpoint.persist();
        em.flush();
        return new Saved(checkpoint, warnings(request, area));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Saved update(Scope scope, String gbId, CheckpointRequest request, String ifMatch) {
        Checkpoint checkpoint = get(scope, gbId);
        Versions.checkIfMatch(ifMatch, checkpoint.version);
        if (request.gbId() != null && !request.gbId().equals(gbId)) {
            throw ApiException.invalid("gbId", "does not match the path; a checkpoint's gbId cannot change");
        }
        CheckpointRequest full = request.withGbId(gbId);
        Checks checks = check(full);
        Area area = area(scope, full, checks);
        checks.throwIfAny();
        apply(checkpoint, full, area);
        em.flush();
        return new Saved(checkpoint, warnings(full, area));
    }

    /** Creates the checkpoint, or replaces it when the gbId exists (no version check): the bulk import's write. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Outcome upsert(Scope scope, CheckpointRequest request) {
        return Outcome.upsert(request.gbId() == null ? Optional.empty() : find(scope, request.gbId()), c -> c.version,
                () -> create(scope, request), () -> update(scope, request.gbId(), request, null).checkpoint());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public void delete(Scope scope, String gbId, String ifMatch) {
        Checkpoint checkpoint = get(scope, gbId);
        Versions.checkIfMatch(ifMatch, checkpoint.version);
        checkpoint.delete();
    }

    public Page<CheckpointView> list(Scope scope, String area, Integer usage, Lifecycle lifecycle, String text,
                                     String after, int limit) {
        SqlWhere where = new SqlWhere().scope(scope, "area_path");
        if (area != null) {
            where.and("area_path LIKE ?", areas.requireForResource(scope, "area", area).path + "%");
        }
        if (usage != null) {
            where.and("usage = ?", usage.shortValue());
        }
        if (lifecycle != null) {
            where.and("lifecycle = ?", lifecycle.name());
        }
        if (text != null) {
            where.containsText("(name || ' ' || coalesce(address, ''))", text);
        }
        if (after != null) {
            where.and("gb_id > ?", after);
        }
        @SuppressWarnings("unchecked")
        List<Checkpoint> rows = where.bind(em.createNativeQuery(
                "SELECT * FROM checkpoint WHERE " + where.sql() + " ORDER BY gb_id LIMIT " + (limit + 1), Checkpoint.class))
                .getResultList();
        return Page.of(rows, limit, c -> c.gbId, c -> CheckpointView.of(c, null));
    }

    private Checks check(CheckpointRequest r) {
        Checks checks = new Checks();
        GbId.problem(r.gbId()).ifPresentOrElse(p -> checks.fail("gbId", p), () -> {
            GbId id = new GbId(r.gbId());
            if (!id.isA(DeviceKind.CHECKPOINT)) {
                checks.fail("gbId", "type code " + id.typeCode() + " is not a video checkpoint; checkpoints use 121");
            }
        });
        if (checks.required("name", r.name())) {
            checks.maxLength("name", r.name(), 128);
        }
        if (checks.required("usage", r.usage())) {
            checks.oneOf("usage", r.usage(), 80, 81, 82);
        }
        if ((r.lat() == null) != (r.lon() == null)) {
            checks.fail(r.lat() == null ? "lat" : "lon", "lat and lon go together: give both or neither");
        }
        checks.range("lat", r.lat(), -90, 90);
        checks.range("lon", r.lon(), -180, 180);
        if (r.placeCode() != null && !r.placeCode().matches("\\d{6}(\\d{3})?(\\d{3})?")) {
            checks.fail("placeCode", "must be a 6, 9 or 12 digit administrative division code");
        }
        checks.maxLength("address", r.address(), 256);
        checks.required("areaCode", r.areaCode());
        List<CheckpointRequest.LaneRequest> lanes = r.lanes() == null ? List.of() : r.lanes();
        if (lanes.size() > 32) {
            checks.fail("lanes", "at most 32 lanes");
        }
        Set<Integer> laneNumbers = new HashSet<>();
        for (int i = 0; i < lanes.size(); i++) {
            CheckpointRequest.LaneRequest lane = lanes.get(i);
            Checks l = checks.nested("lanes[" + i + "]");
            if (lane == null) {
                l.fail("laneNo", "is required");
                continue;
            }
            if (l.required("laneNo", lane.laneNo())) {
                l.range("laneNo", lane.laneNo(), 1, 99);
                if (!laneNumbers.add(lane.laneNo())) {
                    l.fail("laneNo", "lane " + lane.laneNo() + " is listed twice");
                }
            }
            l.maxLength("direction", lane.direction(), 32);
            l.oneOf("cityPass", lane.cityPass(), 1, 2, 3, 4);
            l.range("maxSpeedKmh", lane.maxSpeedKmh(), 1, 300);
            if (lane.captureCameraGbId() != null && Camera.count("gbId", lane.captureCameraGbId()) == 0) {
                l.fail("captureCameraGbId", "camera '" + lane.captureCameraGbId() + "' is not registered");
            }
        }
        return checks;
    }

    private Area area(Scope scope, CheckpointRequest r, Checks checks) {
        if (r.areaCode() == null) {
            return null;
        }
        Optional<Area> area = areas.find(scope, r.areaCode());
        if (area.isEmpty()) {
            checks.fail("areaCode", "area '" + r.areaCode() + "' does not exist");
        }
        return area.orElse(null);
    }

    private static List<String> warnings(CheckpointRequest r, Area area) {
        return new GbId(r.gbId()).divisionWarning(area.code, area.path).stream().toList();
    }

    private static void apply(Checkpoint c, CheckpointRequest r, Area area) {
        c.name = r.name().trim();
        c.usage = r.usage();
        c.lat = r.lat();
        c.lon = r.lon();
        c.placeCode = r.placeCode();
        c.address = r.address();
        c.areaCode = area.code;
        c.areaPath = area.path;
        c.lifecycle = r.lifecycle() == null ? Lifecycle.IN_USE : r.lifecycle();
        List<Lane> lanes = new ArrayList<>();
        for (CheckpointRequest.LaneRequest lr : r.lanes() == null ? List.<CheckpointRequest.LaneRequest>of() : r.lanes()) {
            Lane lane = new Lane();
            lane.laneNo = lr.laneNo();
            lane.direction = lr.direction();
            lane.cityPass = lr.cityPass();
            lane.captureCameraGbId = lr.captureCameraGbId();
            lane.maxSpeedKmh = lr.maxSpeedKmh();
            lanes.add(lane);
        }
        lanes.sort(java.util.Comparator.comparingInt(l -> l.laneNo));
        // Replacing an equal list would still count as a change (new version); re-imports must change nothing.
        if (!lanes.equals(c.lanes)) {
            c.lanes.clear();
            c.lanes.addAll(lanes);
        }
    }
}
