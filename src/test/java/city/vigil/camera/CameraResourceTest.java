package city.vigil.camera;

import static city.vigil.testsupport.Fixtures.camera;
import static city.vigil.testsupport.Fixtures.cameraId;
import static city.vigil.testsupport.Fixtures.create;
import static city.vigil.testsupport.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class CameraResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registers_a_camera_and_reads_it_back_with_an_etag() {
        String id = create(camera(cameraId()));
        given().get("/api/v1/cameras/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("gbId", equalTo(id))
                .body("pointClass", equalTo(1))
                .body("azimuthDeg", equalTo(45.0f))
                .body("streams.main.protocol", equalTo("RTSP"))
                .body("completeness.complete", equalTo(true))
                .body("tags", contains("junction", "hd"));
    }

    @Test
    void rejects_a_gb_id_with_19_digits() {
        given().contentType(ContentType.JSON).body(camera("4401060000132000001"))
                .post("/api/v1/cameras").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("gbId"))
                .body("errors.reason", hasItem(containsString("20 digits")));
    }

    @Test
    void rejects_a_checkpoint_type_code_for_a_camera() {
        String checkpointId = "44010600001210000001";
        given().contentType(ContentType.JSON).body(camera(checkpointId)).post("/api/v1/cameras").then().statusCode(400)
                .body("errors[0].field", equalTo("gbId"))
                .body("errors[0].reason", containsString("131, 132"));
    }

    @Test
    void warns_when_the_id_division_disagrees_with_the_area() {
        String id = cameraId();
        Map<String, Object> inYuexiu = with(camera(id), "areaCode", "440104");
        given().contentType(ContentType.JSON).body(inYuexiu).post("/api/v1/cameras").then().statusCode(201)
                .body("warnings[0]", containsString("440104"));
        given().get("/api/v1/cameras/" + id).then().statusCode(200).body("warnings[0]", containsString("440104"));
        given().queryParam("warned", true).queryParam("limit", 500).get("/api/v1/cameras").then().statusCode(200)
                .body("items.gbId", hasItem(id));
        String fine = create(camera(cameraId()));
        given().queryParam("warned", true).queryParam("limit", 500).get("/api/v1/cameras").then().body("items.gbId", not(hasItem(fine)));
        given().contentType(ContentType.JSON).body(camera(id)).put("/api/v1/cameras/" + id).then().statusCode(200);
        given().get("/api/v1/cameras/" + id).then().body("warnings", nullValue());
    }

    @Test
    void reports_every_invalid_field_at_once() {
        Map<String, Object> bad = with(with(with(camera(cameraId()), "lat", 123.0), "pointClass", 5), "recordDays", -1);
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/cameras").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("lat", "pointClass", "recordDays"));
    }

    @Test
    void rejects_unknown_enum_values_and_wrong_types_with_the_field() {
        given().contentType(ContentType.JSON).body(with(camera(cameraId()), "lifecycle", "BROKEN"))
                .post("/api/v1/cameras").then().statusCode(400)
                .body("errors[0].field", equalTo("lifecycle"))
                .body("errors[0].reason", containsString("IN_USE"));
        given().contentType(ContentType.JSON).body(with(camera(cameraId()), "pointClass", "first"))
                .post("/api/v1/cameras").then().statusCode(400)
                .body("errors[0].field", equalTo("pointClass"));
    }

    @Test
    void rejects_malformed_json_with_a_problem() {
        given().contentType(ContentType.JSON).body("{\"gbId\": ").post("/api/v1/cameras").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void rejects_fields_clients_may_not_write() {
        given().contentType(ContentType.JSON).body(with(camera(cameraId()), "version", 7))
                .post("/api/v1/cameras").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
    }

    @Test
    void refuses_a_duplicate_gb_id_with_409() {
        String id = create(camera(cameraId()));
        given().contentType(ContentType.JSON).body(camera(id)).post("/api/v1/cameras").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void answers_404_for_an_unknown_camera() {
        given().get("/api/v1/cameras/44010600001329999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/cameras/44010600001329999999"));
    }

    @Test
    void twenty_writers_without_if_match_all_succeed_as_the_readme_promises() throws Exception {
        String id = create(camera(cameraId()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "writer " + i;
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(with(camera(id), "name", name))
                        .put("/api/v1/cameras/" + id).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> a : answers) {
                assertThat(a.get()).as("an unconditional write is never a version conflict").isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(given().get("/api/v1/cameras/" + id).then().extract().jsonPath().getString("name")).startsWith("writer ");
    }

    @Test
    void refuses_an_update_with_a_stale_if_match() {
        String id = create(camera(cameraId()));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(with(camera(id), "name", "renamed"))
                .put("/api/v1/cameras/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(with(camera(id), "name", "lost update"))
                .put("/api/v1/cameras/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        given().get("/api/v1/cameras/" + id).then().body("name", equalTo("renamed"));
    }

    @Test
    void keeps_credentials_out_of_urls_and_responses() {
        String id = cameraId();
        Map<String, Object> withSecret = with(camera(id), "streams",
                Map.of("sub", Map.of("url", "rtsp://admin:S3cret!@10.1.2.3:554/cam/" + id + "/sub")));
        String body = given().contentType(ContentType.JSON).body(withSecret).post("/api/v1/cameras")
                .then().statusCode(201)
                .body("streams.sub.url", equalTo("rtsp://10.1.2.3:554/cam/" + id + "/sub"))
                .body("streams.sub.hasCredentials", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain("S3cret").doesNotContain("admin");
        given().delete("/api/v1/cameras/" + id + "/streams/sub/credentials").then().statusCode(204);
        given().get("/api/v1/cameras/" + id).then().body("streams.sub.hasCredentials", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("username", "ops", "password", "pw"))
                .put("/api/v1/cameras/" + id + "/streams/main/credentials").then().statusCode(204);
    }

    @Test
    void flags_incomplete_records_and_filters_them() {
        Map<String, Object> c = camera(cameraId());
        c.remove("contact");
        c.remove("recordDays");
        String id = create(c);
        given().get("/api/v1/cameras/" + id).then()
                .body("completeness.complete", equalTo(false))
                .body("completeness.missing", contains("contact", "recordDays"));
        List<String> incomplete = given().queryParam("incomplete", true).queryParam("limit", 500).get("/api/v1/cameras")
                .then().statusCode(200).extract().jsonPath().getList("items.gbId");
        assertThat(incomplete).contains(id);
        given().queryParam("incomplete", false).queryParam("limit", 500).get("/api/v1/cameras").then()
                .body("items.gbId", not(hasItem(id)));
    }

    @Test
    void deletes_a_camera() {
        String id = create(camera(cameraId()));
        given().delete("/api/v1/cameras/" + id).then().statusCode(204);
        given().get("/api/v1/cameras/" + id).then().statusCode(404);
    }

    @Test
    void pages_with_a_stable_keyset() {
        String tag = "page-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            create(with(camera(cameraId()), "tags", List.of(tag)));
        }
        var first = given().queryParam("tag", tag).queryParam("limit", 2).get("/api/v1/cameras").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(2)).extract().jsonPath();
        var second = given().queryParam("tag", tag).queryParam("limit", 2).queryParam("after", first.getString("next"))
                .get("/api/v1/cameras").then().extract().jsonPath();
        var third = given().queryParam("tag", tag).queryParam("limit", 2).queryParam("after", second.getString("next"))
                .get("/api/v1/cameras").then().body("next", nullValue()).extract().jsonPath();
        List<String> all = new java.util.ArrayList<>(first.getList("items.gbId"));
        all.addAll(second.getList("items.gbId"));
        all.addAll(third.getList("items.gbId"));
        assertThat(all).hasSize(5).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void rejects_a_limit_above_500() {
        given().queryParam("limit", 501).get("/api/v1/cameras").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void filters_by_text_bbox_class_and_area_subtree() {
        String id = cameraId();
        String marker = "测试标记" + id.substring(14);
        create(with(with(camera(id), "name", marker), "pointClass", 2));
        given().queryParam("q", marker).get("/api/v1/cameras").then().body("items.gbId", contains(id));
        given().queryParam("q", marker).queryParam("pointClass", "1").get("/api/v1/cameras").then().body("items", empty());
        given().queryParam("q", marker).queryParam("area", "440106").get("/api/v1/cameras").then().body("items.gbId", contains(id));
        given().queryParam("q", marker).queryParam("area", "440104").get("/api/v1/cameras").then().body("items", empty());
        given().queryParam("q", marker).queryParam("bbox", "113.3,23.1,113.4,23.2").get("/api/v1/cameras").then().body("items.gbId", contains(id));
        given().queryParam("q", marker).queryParam("bbox", "113.0,23.1,113.1,23.2").get("/api/v1/cameras").then().body("items", empty());
        given().queryParam("bbox", "1,2,3").get("/api/v1/cameras").then().statusCode(400).body("errors[0].field", equalTo("bbox"));
        given().queryParam("q", "测试%标记").get("/api/v1/cameras").then().statusCode(200).body("items", empty());
    }

    @Test
    void counts_by_district_and_class_in_the_database() {
        String tag = "count-" + System.nanoTime();
        create(with(camera(cameraId()), "tags", List.of(tag)));
        create(with(camera(cameraId()), "tags", List.of(tag)));
        create(with(with(camera(cameraId()), "tags", List.of(tag)), "pointClass", 3));
        given().queryParam("groupBy", "district,pointClass").queryParam("tag", tag).get("/api/v1/cameras/counts")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("groups", org.hamcrest.Matchers.hasSize(2))
                .body("groups[0].district", equalTo("440106"))
                .body("groups[0].districtName", equalTo("天河区"))
                .body("groups[0].pointClass", equalTo(1))
                .body("groups[0].count", equalTo(2))
                .body("groups[1].count", equalTo(1));
        given().queryParam("groupBy", "color").get("/api/v1/cameras/counts").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void answers_415_for_a_wrong_content_type() {
        given().contentType(ContentType.XML).body("<camera/>").post("/api/v1/cameras").then().statusCode(415)
                .contentType("application/problem+json");
    }
}
