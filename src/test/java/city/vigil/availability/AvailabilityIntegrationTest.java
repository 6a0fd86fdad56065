package city.vigil.availability;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import city.vigil.webhook.EventsTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Availability from real state changes: a simulated camera of its own maintainer unit goes down and comes back; its
 * down time shows in its own figures, in the group rollups, in the unit's monthly SLA report (JSON and CSV); the daily
 * assessment samples the live rates.
 */
@QuarkusTest
@TestProfile(EventsTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class AvailabilityIntegrationTest extends SimulatorTest {

    @Inject
    AvailabilityRollup rollup;
    @Inject
    DailyAssessment assessment;

    private static String state(String gbId) {
        return given().get("/api/v1/cameras/{id}/status", gbId).then().statusCode(200).extract().jsonPath().getString("state");
    }

    @Test
    void a_camera_that_was_down_shows_its_down_time_per_channel_per_group_and_in_its_units_sla_report() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String unit = "可用率测试运维队" + System.nanoTime();
        String id = cameras.add(Scenario.HEALTHY);
        String site = "AVAIL-GAS-" + System.nanoTime();
        given().contentType("application/json").body(Map.of("code", site, "name", "天河加油站", "category", "GAS_STATION", "lat", 23.14, "lon", 113.33,
                "radiusM", 80, "areaCode", "440106")).post("/api/v1/sites").then().statusCode(201);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        Fixtures.create(Fixtures.with(Fixtures.with(camera, "maintainerUnit", unit), "sites", List.of(site)));
        await().atMost(PATIENCE).until(() -> state(id).equals("ONLINE"));
        sim.fleet().switchTo(id, Scenario.REFUSED);
        await().atMost(PATIENCE).until(() -> state(id).equals("OFFLINE"));
        Instant offlineSince = Instant.parse(given().get("/api/v1/cameras/{id}/status", id).then().extract().jsonPath().getString("since"));
        // Down for at least two whole seconds, then back.
        await().atMost(PATIENCE).until(() -> Duration.between(offlineSince, Instant.now()).toMillis() > 2_500);
        sim.fleet().switchTo(id, Scenario.HEALTHY);
        await().atMost(PATIENCE).until(() -> state(id).equals("ONLINE"));

        JsonPath own = await().atMost(PATIENCE).until(() -> given().queryParam("from", start.toString()).get("/api/v1/cameras/{id}/availability", id)
                .then().statusCode(200).extract().jsonPath(), j -> j.getInt("figures.outages") == 1);
        assertThat(own.getLong("figures.downSeconds")).as("down from OFFLINE to ONLINE").isGreaterThanOrEqualTo(2);
        assertThat(own.getLong("figures.upSeconds")).isGreaterThan(0);
        assertThat(own.getDouble("availability")).isLessThan(1.0).isGreaterThan(0.0);
        assertThat(own.getLong("figures.mttrSeconds")).isEqualTo(own.getLong("figures.downSeconds"));

        rollup.refresh(Instant.now());
        JsonPath groups = given().queryParam("groupBy", "maintainer").queryParam("from", start.toString()).get("/api/v1/availability")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = groups.<Map<String, Object>>getList("groups").stream().filter(g -> unit.equals(g.get("key"))).findFirst().orElseThrow();
        assertThat(((Number) row.get("downSeconds")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) row.get("outages")).longValue()).isEqualTo(1);
        assertThat(((Number) row.get("availability")).doubleValue()).isLessThan(1.0);
        Map<String, Object> gas = given().queryParam("groupBy", "siteCategory").queryParam("from", start.toString()).get("/api/v1/availability")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("groups").stream()
                .filter(g -> "GAS_STATION".equals(g.get("key"))).findFirst().orElseThrow();
        assertThat(((Number) gas.get("downSeconds")).longValue()).as("the gas station's camera was down").isGreaterThanOrEqualTo(2);
        assertThat(((Number) gas.get("outages")).longValue()).isGreaterThanOrEqualTo(1);
        given().queryParam("groupBy", "district").queryParam("area", "440100").queryParam("from", start.toString()).get("/api/v1/availability")
                .then().statusCode(200).body("groups.key", org.hamcrest.Matchers.hasItem("440106"));

        JsonPath sla = given().accept("application/json").get("/api/v1/reports/maintainer-sla").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = sla.<Map<String, Object>>getList("units").stream().filter(u -> unit.equals(u.get("maintainerUnit"))).findFirst()
                .orElseThrow();
        assertThat(((Number) mine.get("channels")).intValue()).isEqualTo(1);
        assertThat(((Number) mine.get("outages")).intValue()).isEqualTo(1);
        List<Object> worst = ((List<?>) mine.get("worstChannels")).stream().map(w -> ((Map<?, ?>) w).get("gbId")).map(Object.class::cast).toList();
        assertThat(worst).containsExactly(id);
        String csv = given().accept("text/csv").get("/api/v1/reports/maintainer-sla").then().statusCode(200).contentType("text/csv")
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("month,maintainerUnit,channels,availability");
        assertThat(csv.lines().filter(l -> l.contains(unit))).singleElement().satisfies(l -> assertThat(l).contains(id + ":"));
    }

    @Test
    void the_daily_assessment_samples_the_live_online_and_intact_rates_per_area_and_class() throws Exception {
        String id = cameras.add(Scenario.HEALTHY);
        Fixtures.create(Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN)))));
        await().atMost(PATIENCE).until(() -> state(id).equals("ONLINE"));

        // Before any sample time: today so far, computed on demand and marked partial.
        JsonPath before = given().queryParam("area", "440106").get("/api/v1/reports/daily-assessment").then().statusCode(200).extract().jsonPath();
        Map<String, Object> todaySoFar = before.<Map<String, Object>>getList("days").stream()
                .filter(d -> ((Number) d.get("pointClass")).intValue() == 1).findFirst().orElseThrow();
        assertThat(todaySoFar.get("partial")).isEqualTo(true);
        assertThat(todaySoFar.get("day")).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());

        assertThat(assessment.sample(Instant.now())).isGreaterThan(0);

        JsonPath result = given().queryParam("area", "440106").get("/api/v1/reports/daily-assessment").then().statusCode(200).extract().jsonPath();
        Map<String, Object> classOne = result.<Map<String, Object>>getList("days").stream().filter(d -> ((Number) d.get("pointClass")).intValue() == 1)
                .findFirst().orElseThrow();
        assertThat(((Number) classOne.get("onlineRate")).doubleValue()).isGreaterThan(0.0);
        assertThat((List<?>) classOne.get("samples")).isNotEmpty();
        given().queryParam("from", "2026-13-01").get("/api/v1/reports/daily-assessment").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
    }

    @Test
    void bad_periods_and_groupings_are_refused_with_the_field() {
        given().queryParam("pointClass", "1,2").get("/api/v1/availability").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("pointClass"));
        given().queryParam("groupBy", "colour").get("/api/v1/availability").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"));
        given().queryParam("from", "yesterday").get("/api/v1/availability").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        given().queryParam("from", "2026-11-21T10:00:00Z").queryParam("to", "2026-11-20T10:00:00Z").get("/api/v1/availability").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
        given().queryParam("month", "November").get("/api/v1/reports/maintainer-sla").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("month"));
    }
}
