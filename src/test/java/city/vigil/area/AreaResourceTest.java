package city.vigil.area;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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
class AreaResourceTest {

    private static int seq = 100;

    static String street(String district) {
        String code = district + String.format("%03d", seq++ % 1000);
        area(code, "街道" + code, "STREET", district);
        return code;
    }

    static void area(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/areas").then().statusCode(201);
    }

    @Test
    void seeds_guangzhou_and_its_eleven_districts_with_land_areas() {
        given().get("/api/v1/areas/440100").then().statusCode(200)
                .body("name", equalTo("广州市"))
                .body("level", equalTo("CITY"))
                .body("landAreaKm2", equalTo(7434.40f));
        given().queryParam("parent", "440100").get("/api/v1/areas").then().statusCode(200)
                .body("items", hasSize(11))
                .body("items.code", hasItems("440103", "440106", "440118"));
        given().get("/api/v1/areas/440106").then().body("name", equalTo("天河区")).body("landAreaKm2", equalTo(96.33f));
    }

    @Test
    void builds_the_tree_down_to_grids_and_answers_children_and_subtrees() {
        String street = street("440105");
        String community = street + "001";
        area(community, "社区", "COMMUNITY", street);
        area("G-" + community, "网格", "GRID", community);
        given().get("/api/v1/areas/" + street + "/children").then().statusCode(200).body("items.code", contains(community));
        given().queryParam("under", street).get("/api/v1/areas").then()
                .body("items.code", contains(community, "G-" + community));
        given().get("/api/v1/areas/G-" + community).then()
                .body("ancestors.code", contains("440100", "440105", street, community));
    }

    @Test
    void refuses_a_level_out_of_order_and_a_malformed_code() {
        given().contentType(ContentType.JSON).body(Map.of("code", "440106999888", "name", "x", "level", "COMMUNITY", "parentCode", "440106"))
                .post("/api/v1/areas").then().statusCode(400)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].reason", containsString("directly above"));
        given().contentType(ContentType.JSON).body(Map.of("code", "4401061", "name", "x", "level", "STREET", "parentCode", "440106"))
                .post("/api/v1/areas").then().statusCode(400)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].reason", containsString("9 digits"));
        given().contentType(ContentType.JSON).body(Map.of("code", "440106001", "name", "x", "level", "VILLAGE", "parentCode", "440106"))
                .post("/api/v1/areas").then().statusCode(400).body("errors[0].field", equalTo("level"));
    }

    @Test
    void refuses_to_delete_an_area_that_still_has_children_or_cameras() {
        String parent = street("440103");
        area(parent + "001", "社区", "COMMUNITY", parent);
        given().delete("/api/v1/areas/" + parent).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("child areas"));
        String street = street("440103");
        Fixtures.create(Fixtures.with(Fixtures.camera(Fixtures.gbId("44010300", "00", "132")), "areaCode", street));
        given().delete("/api/v1/areas/" + street).then().statusCode(409).body("detail", containsString("camera"));
    }

    @Test
    void moving_a_street_moves_its_cameras_in_subtree_queries() {
        String street = street("440103");
        String cam = Fixtures.create(Fixtures.with(Fixtures.camera(Fixtures.gbId("44010300", "00", "132")), "areaCode", street));
        String etag = given().get("/api/v1/areas/" + street).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "改属街道", "level", "STREET", "parentCode", "440104"))
                .put("/api/v1/areas/" + street).then().statusCode(200).body("parentCode", equalTo("440104"));
        given().queryParam("area", "440104").queryParam("limit", 500).get("/api/v1/cameras").then().body("items.gbId", hasItem(cam));
        given().queryParam("area", "440103").queryParam("limit", 500).get("/api/v1/cameras").then().body("items.gbId", not(hasItem(cam)));
    }

    @Test
    void deletes_a_leaf_area_and_validates_boundaries() {
        String street = street("440111");
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "level", "STREET", "parentCode", "440111",
                        "boundary", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(113.0, 23.0), List.of(113.1, 23.0), List.of(113.1, 23.1))))))
                .put("/api/v1/areas/" + street).then().statusCode(400).body("errors[0].field", equalTo("boundary"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "level", "STREET", "parentCode", "440111",
                        "boundary", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(113.0, 23.0), List.of(113.1, 23.0), List.of(113.1, 23.1), List.of(113.0, 23.0))))))
                .put("/api/v1/areas/" + street).then().statusCode(200).body("boundary.type", equalTo("Polygon"));
        given().delete("/api/v1/areas/" + street).then().statusCode(204);
        given().get("/api/v1/areas/" + street).then().statusCode(404);
    }
}
