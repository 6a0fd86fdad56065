package city.vigil.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class SiteResourceTest {

    @Test
    void creates_a_school_perimeter_with_its_rule_and_links_cameras_to_it() {
        String code = "SCH-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "天河中学", "category", "SCHOOL_PERIMETER",
                        "lat", 23.14, "lon", 113.33, "radiusM", 150, "areaCode", "440106",
                        "rule", Map.of("minOnlineCameras", 2, "maxPointClass", 1)))
                .post("/api/v1/sites").then().statusCode(201)
                .body("rule.minOnlineCameras", equalTo(2))
                .body("rule.maxPointClass", equalTo(1));
        given().queryParam("category", "SCHOOL_PERIMETER").queryParam("limit", 500).get("/api/v1/sites").then()
                .body("items.code", hasItem(code));
        String cam = Fixtures.create(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "sites", List.of(code)));
        given().get("/api/v1/cameras/" + cam).then().body("sites", contains(code));
        Fixtures.create(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "sites", List.of(code)));
        given().delete("/api/v1/sites/" + code).then().statusCode(204);
        given().get("/api/v1/cameras/" + cam).then().body("sites", org.hamcrest.Matchers.empty());
    }

    @Test
    void needs_a_point_with_radius_or_a_polygon_and_a_known_category() {
        given().contentType(ContentType.JSON).body(Map.of("code", "S-1", "name", "x", "category", "SCHOOL_PERIMETER", "areaCode", "440106"))
                .post("/api/v1/sites").then().statusCode(400).body("errors[0].reason", org.hamcrest.Matchers.containsString("polygon"));
        given().contentType(ContentType.JSON).body(Map.of("code", "S-2", "name", "x", "category", "CASTLE", "areaCode", "440106",
                        "lat", 23.1, "lon", 113.3, "radiusM", 10))
                .post("/api/v1/sites").then().statusCode(400).body("errors[0].field", equalTo("category"));
        given().contentType(ContentType.JSON).body(Map.of("code", "S-3", "name", "x", "category", "SQUARE", "areaCode", "999999",
                        "lat", 23.1, "lon", 113.3, "radiusM", 10))
                .post("/api/v1/sites").then().statusCode(400).body("errors[0].field", equalTo("areaCode"));
        given().contentType(ContentType.JSON).body(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "sites", List.of("NOPE")))
                .post("/api/v1/cameras").then().statusCode(400).body("errors[0].field", equalTo("sites"));
    }
}
