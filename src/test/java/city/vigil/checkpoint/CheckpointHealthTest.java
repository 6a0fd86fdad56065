package city.vigil.checkpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.monitor.MonitorService;
import city.vigil.probe.ProbeCause;
import city.vigil.status.ChannelStatus;
import city.vigil.status.LinkState;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Heartbeats from the checkpoint platform, lane-derived states, freshness and upload-quality rates. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class CheckpointHealthTest {
    @Inject
    MonitorService monitor;
    @Inject
    CheckpointAlarms alarms;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** Events of one type about one checkpoint in the outbox. */
    private long events(String type, String gbId) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT count(*) FROM event_outbox WHERE type = ? AND gb_id = ?")) {
            s.setString(1, type);
            s.setString(2, gbId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_checkpoint_whose_lanes_all_go_down_or_whose_heartbeats_stop_is_announced_once_per_episode() throws Exception {
        String[] cp = checkpointWithTwoLanes();
        String id = cp[0];
        given().contentType(ContentType.JSON).body(Map.of("lanes", List.of(Map.of("laneNo", 1, "passCount", 3), Map.of("laneNo", 2, "passCount", 4))))
                .post("/api/v1/checkpoints/{id}/heartbeats", id).then().statusCode(200);
        live(cp[1], LinkState.ONLINE);
        live(cp[2], LinkState.ONLINE);
        alarms.check(Instant.now());
        assertThat(events("checkpoint.offline", id) + events("checkpoint.stale", id)).as("healthy and fresh").isZero();

        live(cp[1], LinkState.OFFLINE);
        live(cp[2], LinkState.OFFLINE);
        alarms.check(Instant.now());
        alarms.check(Instant.now());
        assertThat(events("checkpoint.offline", id)).as("once, however often it is checked").isEqualTo(1);

        // Its platform's last heartbeat an hour ago, as if it had stopped sending.
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("UPDATE checkpoint_heartbeat SET received_at = now() - interval '1 hour' "
                + "WHERE checkpoint_gb_id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        alarms.check(Instant.now());
        assertThat(events("checkpoint.stale", id)).isEqualTo(1);

        live(cp[1], LinkState.ONLINE);
        alarms.check(Instant.now());
        live(cp[1], LinkState.OFFLINE);
        alarms.check(Instant.now());
        assertThat(events("checkpoint.offline", id)).as("a second episode").isEqualTo(2);
    }

    private String[] checkpointWithTwoLanes() {
        String cam1 = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        String cam2 = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        String id = Fixtures.gbId("44010600", "05", "121");
        given().contentType(ContentType.JSON).body(CheckpointResourceTest.checkpoint(id, List.of(
                        Map.of("laneNo", 1, "direction", "E", "cityPass", 1, "captureCameraGbId", cam1),
                        Map.of("laneNo", 2, "direction", "E", "cityPass", 1, "captureCameraGbId", cam2))))
                .post("/api/v1/checkpoints").then().statusCode(201);
        return new String[] {id, cam1, cam2};
    }

    private void live(String cameraId, LinkState state) {
        monitor.store().put(new ChannelStatus(cameraId, "440100/440106/", 1, null, null, state, false, true, false, true, true, false, Instant.now(),
                state == LinkState.OFFLINE ? ProbeCause.TIMEOUT : null));
    }

    @Test
    void a_heartbeat_makes_a_checkpoint_fresh_and_its_sampled_records_measure_timeliness_and_clock_accuracy() {
        String id = checkpointWithTwoLanes()[0];
        given().get("/api/v1/checkpoints/{id}/status", id).then().statusCode(200).body("stale", equalTo(true));

        Instant now = Instant.now();
        Map<String, Object> beat = Map.of(
                "lanes", List.of(Map.of("laneNo", 1, "passCount", 37, "newestCaptureAt", now.minusSeconds(2).toString()),
                        Map.of("laneNo", 2, "passCount", 5, "newestCaptureAt", now.minusSeconds(30).toString())),
                "records", List.of(
                        Map.of("laneNo", 1, "capturedAt", now.minusSeconds(5).toString(), "receivedAt", now.minusSeconds(3).toString()),
                        Map.of("laneNo", 1, "capturedAt", now.minusSeconds(100).toString(), "receivedAt", now.toString()),
                        Map.of("laneNo", 2, "capturedAt", now.plusSeconds(120).toString(), "receivedAt", now.toString())));
        JsonPath health = given().contentType(ContentType.JSON).body(beat).post("/api/v1/checkpoints/{id}/heartbeats", id)
                .then().statusCode(200).extract().jsonPath();

        assertThat(health.getBoolean("stale")).isFalse();
        assertThat(health.getLong("lastPassCount")).isEqualTo(42);
        assertThat(Instant.parse(health.getString("newestCaptureAt"))).as("the newest of the lanes")
                .isCloseTo(now.minusSeconds(2), within(1, ChronoUnit.MILLIS));
        assertThat(health.getLong("quality.records")).isEqualTo(3);
        assertThat(health.getLong("quality.timely")).as("100 s late is not timely; a clock ahead is not late").isEqualTo(2);
        assertThat(health.getLong("quality.clockAccurate")).as("only the first is within 60 s either way").isEqualTo(1);

        JsonPath rates = given().queryParam("area", "440106").get("/api/v1/rates/checkpoints").then().statusCode(200).extract().jsonPath();
        assertThat(rates.getLong("total.active")).isGreaterThanOrEqualTo(1);
        assertThat(rates.getLong("total.withRecords")).isGreaterThanOrEqualTo(1);
        assertThat(rates.getLong("total.stale")).isLessThan(rates.getLong("total.checkpoints") + 1);
    }

    @Test
    void lanes_decide_the_state_some_down_is_degraded_all_down_is_offline() {
        String[] c = checkpointWithTwoLanes();
        live(c[1], LinkState.ONLINE);
        live(c[2], LinkState.OFFLINE);
        given().get("/api/v1/checkpoints/{id}/status", c[0]).then().statusCode(200).body("state", equalTo("DEGRADED"))
                .body("lanesDown", equalTo(1)).body("lanes.state", containsInAnyOrder("ONLINE", "OFFLINE"));
        live(c[1], LinkState.UNREACHABLE);
        given().get("/api/v1/checkpoints/{id}/status", c[0]).then().body("state", equalTo("OFFLINE"));
        live(c[1], LinkState.ONLINE);
        live(c[2], LinkState.ONLINE);
        given().get("/api/v1/checkpoints/{id}/status", c[0]).then().body("state", equalTo("ONLINE"));
        given().queryParam("groupBy", "district").get("/api/v1/rates/checkpoints").then().statusCode(200)
                .body("groups.find { it.key == '440106' }.online", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void a_heartbeat_for_unknown_lanes_or_with_bad_counts_is_refused_field_by_field_and_writes_nothing() {
        String id = checkpointWithTwoLanes()[0];
        Map<String, Object> bad = Map.of("lanes", List.of(Map.of("laneNo", 7, "passCount", 1), Map.of("laneNo", 1, "passCount", -3)),
                "records", List.of(Map.of("laneNo", 1, "capturedAt", Instant.now().toString())));
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/checkpoints/{id}/heartbeats", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lanes[0].laneNo", "lanes[1].passCount", "records[0].receivedAt"));
        given().get("/api/v1/checkpoints/{id}/status", id).then().body("stale", equalTo(true)).body("quality.heartbeats", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("lanes", List.of(Map.of("laneNo", 1, "passCount", 1))))
                .post("/api/v1/checkpoints/{id}/heartbeats", "44010600051219999999").then().statusCode(404);
        given().queryParam("hours", "0").get("/api/v1/rates/checkpoints").then().statusCode(400).body("errors[0].field", equalTo("hours"));
    }
}
