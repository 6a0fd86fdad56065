package city.vigil.monitor;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The liveness monitor end to end: cameras registered through the API, streams served by the simulator, states,
 * outages and rates read back through the API. Every class is probed every 2 s with a 1 s retry (MonitorTestProfile).
 */
@QuarkusTest
@TestProfile(MonitorTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class MonitorIntegrationTest extends SimulatorTest {

    @Inject
    RedisDataSource redis;
    @Inject
    MonitorService monitor;

    /** Registers a simulated camera (class 1 unless told) whose main stream is {@code url}. */
    private static String register(String gbId, int pointClass, String url, String parent) {
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(gbId), "streams", Map.of("main", Map.of("url", url)));
        camera = Fixtures.with(camera, "pointClass", pointClass);
        if (parent != null) {
            camera = Fixtures.with(camera, "parentGbId", parent);
        }
        return Fixtures.create(camera);
    }

    private static String register(Scenario scenario, int pointClass) {
        String id = cameras.add(scenario);
        return register(id, pointClass, sim.rtspUrl(id, Resolution.MAIN), null);
    }

    private static JsonPath status(String gbId) {
        return given().get("/api/v1/cameras/{id}/status", gbId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitState(String gbId, String state, String cause) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath s = status(gbId);
            assertThat(s.getString("state")).as(gbId + " state").isEqualTo(state);
            if (cause != null) {
                assertThat(s.getString("cause")).as(gbId + " cause").isEqualTo(cause);
            }
        });
    }

    private static List<Map<String, Object>> outages(String gbId) {
        return given().queryParam("gbId", gbId).get("/api/v1/outages").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void each_fault_scenario_reaches_the_state_an_operator_expects() {
        String healthy = register(Scenario.HEALTHY, 1);
        String refused = register(Scenario.REFUSED, 1);
        String hang = register(Scenario.HANG, 1);
        String notFound = register(Scenario.NOT_FOUND, 1);
        String noCredentials = register(Scenario.AUTH_REQUIRED, 1);
        String withCredentials = cameras.add(Scenario.AUTH_REQUIRED);
        register(withCredentials, 1, sim.rtspUrl(withCredentials, Resolution.MAIN).replace("rtsp://", "rtsp://admin:vigil-sim@"), null);
        String deadEncoder = register(Scenario.NO_VIDEO, 2);
        String staleHls = cameras.add(Scenario.STALE_HLS);
        register(staleHls, 1, sim.httpUrl(staleHls, Resolution.SUB, "m3u8"), null);
        String flv = cameras.add(Scenario.HEALTHY);
        register(flv, 1, sim.httpUrl(flv, Resolution.SUB, "flv"), null);

        awaitState(healthy, "ONLINE", null);
        awaitState(withCredentials, "ONLINE", null);
        awaitState(flv, "ONLINE", null);
        awaitState(refused, "OFFLINE", "REFUSED");
        awaitState(hang, "OFFLINE", "TIMEOUT");
        awaitState(notFound, "OFFLINE", "NOT_FOUND");
        awaitState(noCredentials, "OFFLINE", "AUTH_FAILED");
        awaitState(deadEncoder, "OFFLINE", "NO_MEDIA");
        awaitState(staleHls, "OFFLINE", "STALE");

        JsonPath s = status(healthy);
        assertThat(s.getInt("lastProbe.latencyMs")).isBetween(0, 1_500);
        assertThat(s.getBoolean("monitored")).isTrue();
        // The state is live at once; its outage is written a moment later by the status writer.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outages(refused)).singleElement().satisfies(o -> {
            assertThat(o.get("open")).isEqualTo(true);
            assertThat(o.get("cause")).isEqualTo("REFUSED");
        }));
        assertThat(outages(healthy)).isEmpty();

        List<String> offline = given().queryParam("state", "OFFLINE").queryParam("tag", "junction").queryParam("limit", 500)
                .get("/api/v1/status").then().statusCode(200).extract().jsonPath().getList("items.gbId");
        assertThat(offline).contains(refused, hang, notFound, noCredentials, deadEncoder, staleHls).doesNotContain(healthy);
    }

    @Test
    void a_camera_switched_off_is_offline_within_interval_plus_two_retries_and_back_when_switched_on() {
        String id = register(Scenario.HEALTHY, 1);
        awaitState(id, "ONLINE", null);

        Instant off = Instant.now();
        sim.fleet().switchTo(id, Scenario.REFUSED);
        awaitState(id, "OFFLINE", "REFUSED");
        Instant since = Instant.parse(status(id).getString("since"));
        long bound = MonitorTestProfile.INTERVAL_MS + 2 * MonitorTestProfile.RETRY_MS;
        // The bound plus the event loop's 20 ms ticks and the three probes' own few milliseconds.
        assertThat(Duration.between(off, since).toMillis()).as("ms from switch-off to OFFLINE").isLessThanOrEqualTo(bound + 500);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outages(id)).singleElement()
                .satisfies(o -> assertThat(o.get("open")).isEqualTo(true)));
        assertThat(Instant.parse((String) outages(id).get(0).get("startedAt"))).as("the outage starts at the first failed probe")
                .isBefore(since);

        sim.fleet().switchTo(id, Scenario.HEALTHY);
        awaitState(id, "ONLINE", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outages(id)).singleElement()
                .satisfies(o -> assertThat(o.get("open")).isEqualTo(false)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().get("/api/v1/cameras/{id}/transitions", id).then().statusCode(200)
                .extract().jsonPath().<String>getList("items.to")).as("newest first").containsExactly("ONLINE", "OFFLINE", "ONLINE"));
    }

    @Test
    void channels_behind_a_dead_nvr_are_unreachable_and_the_nvr_has_the_outage() {
        String nvr = Fixtures.gbId("44010600", "00", "118");
        String a = cameras.add(Scenario.REFUSED);
        String b = cameras.add(Scenario.REFUSED);
        register(a, 1, sim.rtspUrl(a, Resolution.MAIN), nvr);
        register(b, 1, sim.rtspUrl(b, Resolution.MAIN), nvr);

        awaitState(a, "UNREACHABLE", null);
        awaitState(b, "UNREACHABLE", null);
        assertThat(status(a).getBoolean("parentOffline")).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outages(nvr)).singleElement()
                .satisfies(o -> assertThat(o.get("open")).isEqualTo(true)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outages(a)).as("no outage of their own while the NVR has one")
                .allSatisfy(o -> assertThat(o.get("open")).isEqualTo(false)));
    }

    @Test
    void registry_changes_take_effect_without_a_restart() {
        String id = register(Scenario.HEALTHY, 3);
        awaitState(id, "ONLINE", null);

        String broken = cameras.add(Scenario.NOT_FOUND);
        Map<String, Object> moved = Fixtures.with(Fixtures.with(Fixtures.camera(id), "pointClass", 3), "streams",
                Map.of("main", Map.of("url", sim.rtspUrl(broken, Resolution.MAIN))));
        given().contentType(ContentType.JSON).body(moved).put("/api/v1/cameras/{id}", id).then().statusCode(200);
        awaitState(id, "OFFLINE", "NOT_FOUND");

        given().contentType(ContentType.JSON).body(Fixtures.with(moved, "lifecycle", "REPAIR")).put("/api/v1/cameras/{id}", id)
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(status(id).getBoolean("inService")).isFalse();
            assertThat(outages(id)).as("repair closes the outage").allSatisfy(o -> assertThat(o.get("open")).isEqualTo(false));
        });

        given().delete("/api/v1/cameras/{id}", id).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> monitor.channel(id).isEmpty());
    }

    @Test
    void rates_count_live_states_by_area_class_and_maintainer_and_survive_a_redis_flush() {
        String on = register(Scenario.HEALTHY, 3);
        String off = register(Scenario.REFUSED, 3);
        awaitState(on, "ONLINE", null);
        awaitState(off, "OFFLINE", null);
        await().atMost(PATIENCE).until(monitor::settled);
        JsonPath byClass = rates("440106", "pointClass");
        long online = byClass.getLong("groups.find { it.key == '3' }.online");
        long offline = byClass.getLong("groups.find { it.key == '3' }.offline");
        assertThat(online).isGreaterThanOrEqualTo(1);
        assertThat(offline).isGreaterThanOrEqualTo(1);
        JsonPath byDistrict = rates(null, "district");
        assertThat(byDistrict.getLong("groups.find { it.key == '440106' }.monitored")).isGreaterThanOrEqualTo(2);
        assertThat(byDistrict.getDouble("groups.find { it.key == '440106' }.networkingRate")).isEqualTo(1.0);
        assertThat(rates("440106", "maintainer").getList("groups.key")).contains("天河区运维一队");
        given().queryParam("groupBy", "county").get("/api/v1/rates").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("groupBy"));

        List<String> keys = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match("vigil-test-monitor:*").count(1000)).toIterable().forEach(keys::add);
        assertThat(keys).isNotEmpty();
        redis.key().del(keys.toArray(String[]::new));

        // Until the rebuild the groups are missing altogether (null counts): keep asking.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonPath again = rates("440106", "pointClass");
            assertThat(again.getLong("groups.find { it.key == '3' }.online")).isGreaterThanOrEqualTo(online);
            assertThat(again.getLong("groups.find { it.key == '3' }.offline")).isGreaterThanOrEqualTo(offline);
        });
        assertThat(given().get("/api/v1/monitor").then().extract().jsonPath().getLong("storeRebuilds")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_maintenance_window_takes_its_cameras_out_of_the_rates_and_outages() {
        String id = register(Scenario.REFUSED, 1);
        Map<String, Object> window = Map.of("reason", "更换交换机", "startsAt", Instant.now().toString(),
                "endsAt", Instant.now().plusSeconds(3600).toString(), "gbIds", List.of(id), "createdBy", "ops-zhang");
        int windowId = given().contentType(ContentType.JSON).body(window).post("/api/v1/maintenance-windows").then().statusCode(201)
                .extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath s = status(id);
            assertThat(s.getBoolean("inMaintenance")).isTrue();
            assertThat(s.getString("state")).isEqualTo("OFFLINE");
        });
        assertThat(outages(id)).as("down in planned work: no outage").isEmpty();
        given().queryParam("active", true).get("/api/v1/maintenance-windows").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(windowId));

        given().delete("/api/v1/maintenance-windows/{id}", windowId).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outages(id)).singleElement()
                .satisfies(o -> assertThat(o.get("open")).isEqualTo(true)));
    }

    @Test
    void probes_show_in_the_metrics() {
        String id = register(Scenario.HEALTHY, 1);
        awaitState(id, "ONLINE", null);
        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("vigil_monitor_probes_total{outcome=\"up\",protocol=\"RTSP\"}")
                    .contains("vigil_monitor_probe_latency_seconds_bucket").contains("vigil_monitor_schedule_lag_seconds_count")
                    .contains("vigil_rates_channels{district=\"440106\",pointClass=\"1\",state=\"ONLINE\"}");
        });
    }

    private static JsonPath rates(String area, String groupBy) {
        var request = given().queryParam("groupBy", groupBy);
        if (area != null) {
            request = request.queryParam("area", area);
        }
        return request.get("/api/v1/rates").then().statusCode(200).extract().jsonPath();
    }
}
