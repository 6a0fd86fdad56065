package city.vigil.rates;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import city.vigil.monitor.MonitorTestProfile;
import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rates by two dimensions in one call (area × class, × maintainer, × owner): every cell is the one-dimension API's figure. */
@QuarkusTest
@TestProfile(MonitorTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class RatesMatrixTest extends SimulatorTest {

    private static String register(Scenario scenario, int pointClass, String maintainer) {
        String id = cameras.add(scenario);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        camera = Fixtures.with(Fixtures.with(camera, "pointClass", pointClass), "maintainerUnit", maintainer);
        return Fixtures.create(Fixtures.with(camera, "ownerUnit", maintainer.replace("运维", "建设")));
    }

    private static JsonPath rates(String area, String groupBy) {
        var request = given().queryParam("groupBy", groupBy);
        if (area != null) {
            request.queryParam("area", area);
        }
        return request.get("/api/v1/rates").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void every_cell_of_district_by_class_by_maintainer_and_by_owner_is_the_figure_of_the_one_dimension_api() {
        String up = register(Scenario.HEALTHY, 1, "矩阵运维一队");
        String down = register(Scenario.REFUSED, 2, "矩阵运维二队");
        await().atMost(PATIENCE).until(() -> {
            JsonPath s1 = given().get("/api/v1/cameras/{id}/status", up).then().extract().jsonPath();
            JsonPath s2 = given().get("/api/v1/cameras/{id}/status", down).then().extract().jsonPath();
            return "ONLINE".equals(s1.getString("state")) && "OFFLINE".equals(s2.getString("state"));
        });

        // Other tests' cameras are probed meanwhile: the two calls are compared until they saw the same instant.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath matrix = rates(null, "district,pointClass");
            assertThat(matrix.getString("groupBy")).isEqualTo("district,pointClass");
            JsonPath byClass = rates("440106", "pointClass");
            List<Map<String, Object>> cells = matrix.getList("groups.find { it.key == '440106' }.groups");
            assertThat(cells).extracting(c -> c.get("key")).contains("1", "2");
            for (Map<String, Object> cell : cells) {
                Map<String, Object> single = byClass.getMap("groups.find { it.key == '" + cell.get("key") + "' }");
                for (String figure : List.of("monitored", "online", "offline", "inUse")) {
                    assertThat(cell.get(figure)).as("440106 × class " + cell.get("key") + " " + figure).isEqualTo(single.get(figure));
                }
            }
            assertThat(cells.stream().mapToLong(c -> ((Number) c.get("offline")).longValue()).sum())
                    .as("the cells add up to their district").isEqualTo(matrix.getLong("groups.find { it.key == '440106' }.offline"));
            assertThat(matrix.getList("groups.find { it.key == '440104' }.groups")).as("a district without cameras has no cells").isEmpty();
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath byMaintainer = rates(null, "district,maintainer");
            Map<String, Object> second = byMaintainer.getMap("groups.find { it.key == '440106' }.groups.find { it.key == '矩阵运维二队' }");
            assertThat(second.get("offline")).isEqualTo(rates("440106", "maintainer").getMap("groups.find { it.key == '矩阵运维二队' }").get("offline"));
            assertThat(((Number) second.get("offline")).longValue()).isGreaterThanOrEqualTo(1);
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath byOwner = rates(null, "district,owner");
            Map<String, Object> second = byOwner.getMap("groups.find { it.key == '440106' }.groups.find { it.key == '矩阵建设二队' }");
            assertThat(second.get("offline")).isEqualTo(rates("440106", "owner").getMap("groups.find { it.key == '矩阵建设二队' }").get("offline"));
            assertThat(((Number) second.get("offline")).longValue()).isGreaterThanOrEqualTo(1);
            assertThat(rates(null, "owner").getList("groups.key")).as("owners as the registry names them").contains("矩阵建设一队", "矩阵建设二队");
        });
        assertThat(rates("440106", "pointClass").getList("groups.groups")).as("one dimension: no cells").containsOnlyNulls();
    }

    @Test
    void refuses_pairs_the_counters_do_not_hold() {
        for (String groupBy : List.of("pointClass,district", "district,street", "district,pointClass,maintainer", "district,")) {
            given().queryParam("groupBy", groupBy).get("/api/v1/rates").then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"))
                    .body("errors[0].reason", containsString(groupBy.endsWith(",") ? "empty" : groupBy.split(",").length > 2 ? "at most two" : "area level"));
        }
    }
}
