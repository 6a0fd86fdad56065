package city.vigil.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.Imports;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class RegistryImportTest {
    private static int street = 900;

    private static String nextStreet() {
        return "440112" + (street++);
    }

    @Test
    void imports_an_area_tree_with_chinese_levels_in_file_order() {
        String s = nextStreet();
        String csv = "区划代码,名称,级别,上级代码,面积\n"
                + s + ",萝岗街道,街道,440112,36.5\n"
                + s + "001,香雪社区,社区," + s + ",\n"
                + "G" + s + "00101,香雪社区第1网格,网格," + s + "001,\n";
        JsonPath job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("kind", "areas", "mode", "atomic"));
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("created")).isEqualTo(3);
        given().get("/api/v1/areas/G" + s + "00101").then().statusCode(200)
                .body("ancestors.code", contains("440100", "440112", s, s + "001"));
        JsonPath again = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("kind", "areas"));
        assertThat(again.getLong("unchanged")).isEqualTo(3);
    }

    @Test
    void an_atomic_area_import_with_a_bad_row_writes_nothing_but_keeps_its_errors() {
        String s = nextStreet();
        String csv = "code,name,level,parentCode\n"
                + s + ",好街道,STREET,440112\n"
                + s + "001,孤儿社区,COMMUNITY,440112999999\n"
                + s + "002,坏级别,VILLAGE," + s + "\n";
        JsonPath job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("kind", "areas", "mode", "atomic"));
        assertThat(job.getString("state")).isEqualTo("REJECTED");
        assertThat(job.getLong("rejected")).isEqualTo(2);
        assertThat(job.getList("errors.row", Integer.class)).containsExactly(3, 4);
        assertThat(job.getString("errors[0].field")).isEqualTo("parentCode");
        assertThat(job.getString("errors[1].column")).isEqualTo("level");
        given().get("/api/v1/areas/" + s).then().statusCode(404);
        given().get("/api/v1/imports/" + job.getString("id") + "/errors").then().statusCode(200)
                .body("row", contains(3, 4));
    }

    @Test
    void imports_checkpoints_and_sites_as_json_and_rejects_them_as_csv() {
        String cam = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        String checkpoint = Fixtures.gbId("44010600", "05", "121");
        String json = "[{\"gbId\":\"" + checkpoint + "\",\"name\":\"卡口\",\"usage\":81,\"areaCode\":\"440106\","
                + "\"lanes\":[{\"laneNo\":1,\"cityPass\":1,\"captureCameraGbId\":\"" + cam + "\"}]},"
                + "{\"gbId\":\"" + Fixtures.gbId("44010600", "05", "121") + "\",\"name\":\"坏卡口\",\"usage\":99,\"areaCode\":\"440106\"}]";
        JsonPath job = Imports.run(json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of("kind", "checkpoints"));
        assertThat(job.getString("state")).isEqualTo("PARTIAL");
        assertThat(job.getString("errors[0].field")).isEqualTo("usage");
        given().get("/api/v1/checkpoints/" + checkpoint).then().statusCode(200).body("lanes[0].captureCameraGbId", equalTo(cam));

        String site = "HOS-" + System.nanoTime();
        String sites = "{\"items\":[{\"code\":\"" + site + "\",\"name\":\"中山一院\",\"category\":\"HOSPITAL\",\"lat\":23.13,"
                + "\"lon\":113.29,\"radiusM\":200,\"areaCode\":\"440104\"}]}";
        assertThat(Imports.run(sites.getBytes(StandardCharsets.UTF_8), "application/json", Map.of("kind", "sites", "dryRun", true))
                .getLong("created")).isEqualTo(1);
        given().get("/api/v1/sites/" + site).then().statusCode(404);
        assertThat(Imports.run(sites.getBytes(StandardCharsets.UTF_8), "application/json", Map.of("kind", "sites"))
                .getString("state")).isEqualTo("SUCCEEDED");
        given().get("/api/v1/sites/" + site).then().statusCode(200).body("category", equalTo("HOSPITAL"));

        JsonPath csv = Imports.run("gbId,name\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("kind", "checkpoints"));
        assertThat(csv.getString("state")).isEqualTo("FAILED");
        assertThat(csv.getString("message")).contains("JSON");
        assertThat(given().queryParam("limit", 500).get("/api/v1/imports").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).contains(job.getString("id"));
        List<String> newest = given().queryParam("limit", 2).get("/api/v1/imports").then().extract().jsonPath().getList("items.id");
        String next = given().queryParam("limit", 2).get("/api/v1/imports").then().extract().jsonPath().getString("next");
        List<String> older = given().queryParam("limit", 2).queryParam("after", next).get("/api/v1/imports").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(older).isNotEmpty().doesNotContainAnyElementsOf(newest);
    }

    @Test
    void reports_progress_while_a_job_runs_and_rate_when_done() {
        StringBuilder csv = new StringBuilder("gbId,name,pointClass,areaCode,address\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(Fixtures.cameraId()).append(",批量").append(i).append(",3,440106,地址\n");
        }
        JsonPath job = Imports.run(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("rowsRead")).isEqualTo(3000);
        assertThat(job.getLong("bytesRead")).isEqualTo(job.getLong("bytesTotal"));
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getLong("rowsPerSecond")).isPositive();
        assertThat(List.of(job.getString("startedAt"), job.getString("finishedAt"))).doesNotContainNull();
    }
}
