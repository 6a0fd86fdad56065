package city.vigil.coverage;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import city.vigil.testsupport.WebhookReceiver;
import city.vigil.webhook.EventsTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coverage on real state changes: a school gate watched by one class-1 camera of the simulator. Switched off, the
 * school is a blind spot (with that camera as the reason) and site.uncovered goes out; switched on, it is covered
 * again and site.covered goes out.
 */
@QuarkusTest
@TestProfile(EventsTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class CoverageIntegrationTest extends SimulatorTest {
    /** A school gate in 天河 (440106), and a camera 40 m south of it looking north at it. */
    private static final double SCHOOL_LAT = 23.1400;
    private static final double SCHOOL_LON = 113.3300;

    private static String state(String gbId) {
        return given().get("/api/v1/cameras/{id}/status", gbId).then().statusCode(200).extract().jsonPath().getString("state");
    }

    private static List<String> blindSchools() {
        return given().queryParam("area", "440106").queryParam("limit", 500).get("/api/v1/coverage/blind-spots").then().statusCode(200)
                .extract().jsonPath().getList("sites.code");
    }

    @Test
    void switching_off_a_schools_only_class_1_camera_makes_it_a_blind_spot_and_back() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            given().contentType("application/json").body(Map.of("url", receiver.url(), "eventTypes", List.of("site.uncovered", "site.covered"),
                    "filters", Map.of("siteCategories", List.of("SCHOOL_PERIMETER")))).post("/api/v1/webhooks").then().statusCode(201);
            String school = "SCHOOL-GATE-" + System.nanoTime();
            given().contentType("application/json").body(Map.of("code", school, "name", "天河第一小学", "category", "SCHOOL_PERIMETER",
                    "lat", SCHOOL_LAT, "lon", SCHOOL_LON, "radiusM", 30, "areaCode", "440106", "rule", Map.of("minOnlineCameras", 1, "maxPointClass", 1)))
                    .post("/api/v1/sites").then().statusCode(201);
            await().atMost(PATIENCE).until(() -> blindSchools().contains(school));

            String id = cameras.add(Scenario.HEALTHY);
            Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
            camera = Fixtures.with(Fixtures.with(Fixtures.with(camera, "lat", SCHOOL_LAT - 40 / 110_574.0), "lon", SCHOOL_LON), "directionCode", 4);
            camera = Fixtures.with(Fixtures.with(camera, "hFovDeg", 60.0), "viewDistanceM", 80.0);
            Fixtures.create(camera);
            await().atMost(PATIENCE).until(() -> state(id).equals("ONLINE"));
            await().atMost(PATIENCE).until(() -> !blindSchools().contains(school));
            await().atMost(PATIENCE).until(() -> !receiver.ofType("site.covered").isEmpty());

            sim.fleet().switchTo(id, Scenario.REFUSED);
            await().atMost(PATIENCE).until(() -> blindSchools().contains(school));
            JsonPath spots = given().queryParam("area", "440106").queryParam("limit", 500).get("/api/v1/coverage/blind-spots").then().extract().jsonPath();
            Map<String, Object> gap = spots.<Map<String, Object>>getList("sites").stream().filter(s -> school.equals(s.get("code"))).findFirst().orElseThrow();
            assertThat(gap.get("since")).as("since when").isNotNull();
            assertThat((List<?>) gap.get("cameras")).singleElement().satisfies(c -> {
                assertThat(((Map<?, ?>) c).get("gbId")).isEqualTo(id);
                assertThat(((Map<?, ?>) c).get("state")).isEqualTo("OFFLINE");
                assertThat(((Map<?, ?>) c).get("cause")).isEqualTo("REFUSED");
            });
            await().atMost(PATIENCE).until(() -> receiver.ofType("site.uncovered").stream().anyMatch(c -> c.body().contains(school)));
            JsonPath uncovered = new JsonPath(receiver.ofType("site.uncovered").stream().filter(c -> c.body().contains(school)).findFirst().orElseThrow().body());
            assertThat(uncovered.getString("data.category")).isEqualTo("SCHOOL_PERIMETER");
            assertThat(uncovered.getString("data.cameras[0].gbId")).isEqualTo(id);

            sim.fleet().switchTo(id, Scenario.HEALTHY);
            await().atMost(PATIENCE).until(() -> !blindSchools().contains(school));
            await().atMost(PATIENCE).until(() -> receiver.ofType("site.covered").stream().filter(c -> c.body().contains(school)).count() == 2);

            JsonPath report = given().queryParam("area", "440106").queryParam("groupBy", "category").get("/api/v1/coverage").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> schools = report.<Map<String, Object>>getList("groups").stream().filter(g -> "SCHOOL_PERIMETER".equals(g.get("key")))
                    .findFirst().orElseThrow();
            assertThat(((Number) schools.get("coveredSites")).longValue()).isGreaterThanOrEqualTo(1);
            String geo = given().queryParam("area", "440106").queryParam("zoom", 17)
                    .queryParam("bbox", (SCHOOL_LON - 0.01) + "," + (SCHOOL_LAT - 0.01) + "," + (SCHOOL_LON + 0.01) + "," + (SCHOOL_LAT + 0.01))
                    .get("/api/v1/coverage/map").then().statusCode(200).extract().asString();
            assertThat(geo).contains("\"FeatureCollection\"").contains(school).contains(id).contains("\"Polygon\"");
        }
    }

    @Test
    void bad_groupings_and_zoom_levels_are_refused_with_the_field() {
        given().queryParam("groupBy", "colour").get("/api/v1/coverage").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"));
        given().queryParam("zoom", 40).get("/api/v1/coverage/map").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("zoom"));
    }
}
