package city.vigil.checkpoint;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaService;
import city.vigil.monitor.MonitorService;
import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Timestamps;
import city.vigil.status.ChannelStatus;
import city.vigil.status.LinkState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checkpoint health: heartbeats from the checkpoint platform (freshness, pass counts, sampled records for upload
 * timeliness and clock accuracy), the state derived from the lanes' capture channels, and rates per area.
 * Heartbeats are summed per checkpoint and hour, so the rates over a day read 24 rows per checkpoint.
 */
@ApplicationScoped
public class CheckpointHealthService {

    @Inject
    EntityManager em;
    @Inject
    CheckpointService checkpoints;
    @Inject
    AreaService areas;
    @Inject
    MonitorService monitor;
    @Inject
    CheckpointHealthConfig config;
    @Inject
    ObjectMapper json;

    @Transactional(dontRollbackOn = ApiException.class)
    public CheckpointHealthView heartbeat(Scope scope, String gbId, HeartbeatRequest request) {
        Checkpoint checkpoint = checkpoints.get(scope, gbId);
        Set<Integer> laneNos = new HashSet<>();
        checkpoint.lanes.forEach(l -> laneNos.add(l.laneNo));
        List<HeartbeatRequest.LaneCount> lanes = request.lanes() == null ? List.of() : request.lanes();
        List<HeartbeatRequest.Record> records = request.records() == null ? List.of() : request.records();
        check(lanes, records, laneNos);

        Instant now = Instant.now();
        long passes = 0;
        OffsetDateTime newest = null;
        List<Map<String, Object>> laneJson = new ArrayList<>();
        for (HeartbeatRequest.LaneCount l : lanes) {
            passes += l.passCount();
            if (l.newestCaptureAt() != null && (newest == null || l.newestCaptureAt().isAfter(newest))) {
                newest = l.newestCaptureAt();
            }
            Map<String, Object> lane = new LinkedHashMap<>();
            lane.put("laneNo", l.laneNo());
            lane.put("passCount", l.passCount());
            lane.put("newestCaptureAt", l.newestCaptureAt() == null ? null : l.newestCaptureAt().toInstant().toString());
            laneJson.add(lane);
        }
        int timely = 0;
        int accurate = 0;
        for (HeartbeatRequest.Record r : records) {
            Duration delay = Duration.between(r.capturedAt(), r.receivedAt());
            if (delay.compareTo(config.timelyWithin()) <= 0) {
                timely++;
            }
            if (delay.abs().compareTo(config.clockTolerance()) <= 0) {
                accurate++;
            }
        }
        em.createNativeQuery("INSERT INTO checkpoint_heartbeat (checkpoint_gb_id, received_at, newest_capture_at, pass_count, lanes) "
                        + "VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb)) ON CONFLICT (checkpoint_gb_id) DO UPDATE SET received_at = excluded.received_at, "
                        + "newest_capture_at = coalesce(excluded.newest_capture_at, checkpoint_heartbeat.newest_capture_at), "
                        + "pass_count = excluded.pass_count, lanes = excluded.lanes")
                .setParameter(1, checkpoint.gbId).setParameter(2, Timestamp.from(now))
                .setParameter(3, newest == null ? null : Timestamp.from(newest.toInstant())).setParameter(4, passes)
                .setParameter(5, toJson(laneJson)).executeUpdate();
        em.createNativeQuery("INSERT INTO checkpoint_hourly (checkpoint_gb_id, hour, heartbeats, passes, records, timely, clock_accurate) "
                        + "VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6) ON CONFLICT (checkpoint_gb_id, hour) DO UPDATE SET "
                        + "heartbeats = checkpoint_hourly.heartbeats + 1, passes = checkpoint_hourly.passes + excluded.passes, "
                        + "records = checkpoint_hourly.records + excluded.records, timely = checkpoint_hourly.timely + excluded.timely, "
                        + "clock_accurate = checkpoint_hourly.clock_accurate + excluded.clock_accurate")
                .setParameter(1, checkpoint.gbId).setParameter(2, Timestamp.from(now.truncatedTo(ChronoUnit.HOURS)))
                .setParameter(3, passes).setParameter(4, records.size()).setParameter(5, timely).setParameter(6, accurate)
                .executeUpdate();
        return health(checkpoint, 24);
    }

    public CheckpointHealthView health(Scope scope, String gbId, int hours) {
        return health(checkpoints.get(scope, gbId), hours);
    }

    /** Checkpoint rates for an area, in total and by district or street. */
    public CheckpointRates rates(Scope scope, String areaCode, String groupBy, int hours) {
        AreaLevel level = groupLevel(groupBy);
        Area area = areas.forGrouping(scope, areaCode, level);
        SqlWhere where = new SqlWhere().scope(scope, "c.area_path").and("c.lifecycle = 'IN_USE'");
        if (area != null) {
            where.and("c.area_path LIKE ?", area.path + "%");
        }
        Instant now = Instant.now();
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now.minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.HOURS)));
        params.addAll(where.params());
        String sql = "SELECT c.gb_id, c.area_path, h.received_at, coalesce(sum(x.records), 0), coalesce(sum(x.timely), 0), "
                + "coalesce(sum(x.clock_accurate), 0), coalesce(sum(x.heartbeats), 0) FROM checkpoint c "
                + "LEFT JOIN checkpoint_heartbeat h ON h.checkpoint_gb_id = c.gb_id "
                + "LEFT JOIN checkpoint_hourly x ON x.checkpoint_gb_id = c.gb_id AND x.hour >= ? "
                + "WHERE " + where.sql() + " GROUP BY c.gb_id, c.area_path, h.received_at";
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, List<String>> lanes = captureCameras(rows.stream().map(r -> ((String) r[0]).trim()).toList());
        Map<String, ChannelStatus> states = monitor.store().getAll(lanes.values().stream().flatMap(List::stream).distinct().toList());
        Map<String, CheckpointRates.Tally> groups = new LinkedHashMap<>();
        if (level != null) {
            areas.namesAtLevel(area, level).forEach((code, name) -> groups.put(code, new CheckpointRates.Tally(code, name)));
        }
        CheckpointRates.Tally total = new CheckpointRates.Tally(area == null ? "*" : area.code, area == null ? null : area.name);
        for (Object[] r : rows) {
            String gbId = ((String) r[0]).trim();
            LinkState state = stateOf(lanes.getOrDefault(gbId, List.of()).stream().map(id -> laneState(states.get(id))).toList());
            Instant last = Timestamps.instant(r[2]);
            boolean stale = last == null || last.isBefore(now.minus(config.staleAfter()));
            long records = ((Number) r[3]).longValue();
            long timely = ((Number) r[4]).longValue();
            long accurate = ((Number) r[5]).longValue();
            boolean active = ((Number) r[6]).longValue() > 0;
            total.add(state, stale, active, records, timely, accurate, config.deviceShare());
            if (level != null) {
                String[] path = ((String) r[1]).split("/");
                if (path.length >= level.depth()) {
                    CheckpointRates.Tally g = groups.get(path[level.depth() - 1]);
                    if (g != null) {
                        g.add(state, stale, active, records, timely, accurate, config.deviceShare());
                    }
                }
            }
        }
        return new CheckpointRates(area == null ? null : area.code, level == null ? null : groupBy, hours, now, total.row(),
                groups.values().stream().map(CheckpointRates.Tally::row).toList());
    }

    /** A checkpoint in service as its alarms see it: its lanes' state, and whether its heartbeats stopped. */
    public record Condition(String gbId, String areaPath, LinkState state, boolean stale, Instant lastHeartbeat, int lanesDown) {
    }

    /** Every checkpoint in service now (the city has about 1,600): state from its lanes' cameras, staleness. */
    public List<Condition> conditions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.gb_id, c.area_path, h.received_at FROM checkpoint c "
                + "LEFT JOIN checkpoint_heartbeat h ON h.checkpoint_gb_id = c.gb_id WHERE c.lifecycle = 'IN_USE'").getResultList();
        Map<String, List<String>> lanes = captureCameras(rows.stream().map(r -> ((String) r[0]).trim()).toList());
        Map<String, ChannelStatus> states = monitor.store().getAll(lanes.values().stream().flatMap(List::stream).distinct().toList());
        Instant now = Instant.now();
        List<Condition> out = new ArrayList<>();
        for (Object[] r : rows) {
            String gbId = ((String) r[0]).trim();
            List<LinkState> laneStates = lanes.getOrDefault(gbId, List.of()).stream().map(id -> laneState(states.get(id))).toList();
            Instant last = Timestamps.instant(r[2]);
            out.add(new Condition(gbId, (String) r[1], stateOf(laneStates), last != null && last.isBefore(now.minus(config.staleAfter())), last,
                    (int) laneStates.stream().filter(CheckpointHealthService::down).count()));
        }
        return out;
    }

    private CheckpointHealthView health(Checkpoint checkpoint, int hours) {
        List<String> cameraIds = checkpoint.lanes.stream().map(l -> l.captureCameraGbId).filter(id -> id != null).toList();
        Map<String, ChannelStatus> states = monitor.store().getAll(cameraIds);
        List<CheckpointHealthView.LaneState> lanes = new ArrayList<>();
        for (Lane l : checkpoint.lanes) {
            lanes.add(new CheckpointHealthView.LaneState(l.laneNo, l.captureCameraGbId,
                    l.captureCameraGbId == null ? LinkState.UNKNOWN : laneState(states.get(l.captureCameraGbId))));
        }
        LinkState state = stateOf(lanes.stream().map(CheckpointHealthView.LaneState::state).toList());
        int down = (int) lanes.stream().filter(l -> down(l.state())).count();
        @SuppressWarnings("unchecked")
        List<Object[]> beat = em.createNativeQuery("SELECT received_at, newest_capture_at, pass_count FROM checkpoint_heartbeat WHERE checkpoint_gb_id = ?1")
                .setParameter(1, checkpoint.gbId).getResultList();
        Instant last = beat.isEmpty() ? null : Timestamps.instant(beat.get(0)[0]);
        Instant newest = beat.isEmpty() ? null : Timestamps.instant(beat.get(0)[1]);
        Long passCount = beat.isEmpty() ? null : ((Number) beat.get(0)[2]).longValue();
        boolean stale = last == null || last.isBefore(Instant.now().minus(config.staleAfter()));
        Object[] q = (Object[]) em.createNativeQuery("SELECT coalesce(sum(heartbeats), 0), coalesce(sum(passes), 0), coalesce(sum(records), 0), "
                        + "coalesce(sum(timely), 0), coalesce(sum(clock_accurate), 0) FROM checkpoint_hourly WHERE checkpoint_gb_id = ?1 AND hour >= ?2")
                .setParameter(1, checkpoint.gbId)
                .setParameter(2, Timestamp.from(Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.HOURS))).getSingleResult();
        long records = ((Number) q[2]).longValue();
        long timely = ((Number) q[3]).longValue();
        long accurate = ((Number) q[4]).longValue();
        var quality = new CheckpointHealthView.Quality(hours, ((Number) q[0]).longValue(), ((Number) q[1]).longValue(), records, timely,
                records == 0 ? null : timely / (double) records, accurate, records == 0 ? null : accurate / (double) records);
        return new CheckpointHealthView(checkpoint.gbId, state, down, lanes, stale, last, newest, passCount, quality);
    }

    /** Some lanes down: DEGRADED; all down: OFFLINE; none down and one known up: ONLINE; nothing known: UNKNOWN. */
    static LinkState stateOf(List<LinkState> lanes) {
        long down = lanes.stream().filter(CheckpointHealthService::down).count();
        long up = lanes.stream().filter(LinkState::online).count();
        if (down > 0 && down == lanes.size()) {
            return LinkState.OFFLINE;
        }
        if (down > 0) {
            return LinkState.DEGRADED;
        }
        return up > 0 ? LinkState.ONLINE : LinkState.UNKNOWN;
    }

    private static boolean down(LinkState s) {
        return s == LinkState.OFFLINE || s == LinkState.UNREACHABLE;
    }

    private static LinkState laneState(ChannelStatus s) {
        return s == null ? LinkState.UNKNOWN : s.state();
    }

    private void check(List<HeartbeatRequest.LaneCount> lanes, List<HeartbeatRequest.Record> records, Set<Integer> laneNos) {
        Checks checks = new Checks();
        if (lanes.isEmpty() && records.isEmpty()) {
            checks.fail("lanes", "a heartbeat reports at least one lane or record");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lanes.size(); i++) {
            HeartbeatRequest.LaneCount l = lanes.get(i);
            Checks c = checks.nested("lanes[" + i + "]");
            if (l == null) {
                c.fail("", "is null");
                continue;
            }
            if (c.required("laneNo", l.laneNo())) {
                if (!laneNos.contains(l.laneNo())) {
                    c.fail("laneNo", "lane " + l.laneNo() + " is not registered for this checkpoint");
                } else if (!seen.add(l.laneNo())) {
                    c.fail("laneNo", "lane " + l.laneNo() + " is reported twice");
                }
            }
            if (c.required("passCount", l.passCount()) && l.passCount() < 0) {
                c.fail("passCount", "must not be negative");
            }
        }
        if (records.size() > config.maxRecords()) {
            checks.fail("records", "at most " + config.maxRecords() + " sampled records per heartbeat");
        }
        for (int i = 0; i < records.size() && i < config.maxRecords(); i++) {
            HeartbeatRequest.Record r = records.get(i);
            Checks c = checks.nested("records[" + i + "]");
            if (r == null) {
                c.fail("", "is null");
                continue;
            }
            if (r.laneNo() != null && !laneNos.contains(r.laneNo())) {
                c.fail("laneNo", "lane " + r.laneNo() + " is not registered for this checkpoint");
            }
            c.required("capturedAt", r.capturedAt());
            c.required("receivedAt", r.receivedAt());
        }
        checks.throwIfAny();
    }

    private Map<String, List<String>> captureCameras(List<String> checkpointIds) {
        Map<String, List<String>> lanes = new HashMap<>();
        if (checkpointIds.isEmpty()) {
            return lanes;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT checkpoint_gb_id, capture_camera_gb_id FROM checkpoint_lane "
                + "WHERE checkpoint_gb_id IN (?1) AND capture_camera_gb_id IS NOT NULL").setParameter(1, checkpointIds).getResultList();
        rows.forEach(r -> lanes.computeIfAbsent(((String) r[0]).trim(), k -> new ArrayList<>()).add(((String) r[1]).trim()));
        return lanes;
    }

    private static AreaLevel groupLevel(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        return switch (groupBy.trim()) {
            case "district" -> AreaLevel.DISTRICT;
            case "street" -> AreaLevel.STREET;
            default -> throw ApiException.invalid("groupBy", "'" + groupBy.trim() + "' is not one of district, street");
        };
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
