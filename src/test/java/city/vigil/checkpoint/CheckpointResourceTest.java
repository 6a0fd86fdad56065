package city.vigil.checkpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class CheckpointResourceTest {

    static Map<String, Object> checkpoint(String id, List<Map<String, Object>> lanes) {
        Map<String, Object> c = new HashMap<>();
        c.put("gbId", id);
        c.put("name", "广园快速路沙河卡口");
        c.put("usage", 80);
        c.put("lat", 23.16);
        c.put("lon", 113.33);
        c.put("placeCode", "440106");
        c.put("areaCode", "440106");
        c.put("lanes", lanes);
        return c;
    }

    @Test
    void registers_a_checkpoint_with_lanes_and_capture_cameras() {
        String cam1 = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        String cam2 = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        String id = Fixtures.gbId("44010600", "05", "121");
        given().contentType(ContentType.JSON).body(checkpoint(id, List.of(
                        Map.of("laneNo", 2, "direction", "E", "cityPass", 1, "captureCameraGbId", cam2),
                        Map.of("laneNo", 1, "direction", "E", "cityPass", 1, "captureCameraGbId", cam1))))
                .post("/api/v1/checkpoints").then().statusCode(201)
                .body("lanes.laneNo", contains(1, 2))
                .body("lanes[0].captureCameraGbId", equalTo(cam1));
        given().queryParam("usage", 80).queryParam("limit", 500).get("/api/v1/checkpoints").then().body("items.gbId", hasItem(id));
        given().delete("/api/v1/cameras/" + cam1).then().statusCode(409).body("detail", containsString("lanes"));
        String etag = given().get("/api/v1/checkpoints/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(checkpoint(id, List.of(Map.of("laneNo", 1))))
                .put("/api/v1/checkpoints/" + id).then().statusCode(200).body("lanes.laneNo", contains(1));
        given().delete("/api/v1/checkpoints/" + id).then().statusCode(204);
    }

    @Test
    void rejects_a_camera_id_duplicate_lanes_unknown_capture_cameras_and_bad_usage() {
        given().contentType(ContentType.JSON).body(checkpoint(Fixtures.cameraId(), List.of())).post("/api/v1/checkpoints")
                .then().statusCode(400).body("errors[0].field", equalTo("gbId")).body("errors[0].reason", containsString("121"));
        Map<String, Object> bad = checkpoint(Fixtures.gbId("44010600", "05", "121"), List.of(
                Map.of("laneNo", 1, "cityPass", 7),
                Map.of("laneNo", 1, "captureCameraGbId", "44010600001329999998")));
        bad.put("usage", 83);
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/checkpoints").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("usage", "lanes[0].cityPass",
                        "lanes[1].laneNo", "lanes[1].captureCameraGbId"));
    }
}
