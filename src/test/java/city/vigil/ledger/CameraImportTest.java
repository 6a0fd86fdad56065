package city.vigil.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.Imports;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class CameraImportTest {
    static final String CHINESE_HEADER = "设备编码,设备名称,监控点位类型,摄像机类型,经度,纬度,安装地址,监视方位,行政区域,建设单位,管理单位/维护单位,联系方式,联网属性,设备状态,安装时间,录像保存天数,视频地址\n";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static String chineseRow(String id, String name) {
        return id + "," + name + ",一类,球机,113.327,23.137,天河路 385 号,东北,440106,广州市公安局,天河区运维一队,020-12345678,1,在用,2021/6/1,90,rtsp://10.1.2.3:554/cam/" + id + "/main\n";
    }

    static byte[] bytes(String text, Charset charset, boolean bom) {
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    /** The rejected rows of a job: row number → reason, from its first errors. */
    private static Map<Integer, String> rejected(JsonPath job) {
        Map<Integer, String> rows = new java.util.TreeMap<>();
        List<Map<String, Object>> errors = job.getList("errors");
        errors.forEach(e -> rows.merge((Integer) e.get("row"), e.get("column") + ": " + e.get("reason"), (a, b) -> a + "; " + b));
        return rows;
    }

    @Test
    void reports_the_spreadsheet_row_a_person_sees_rejects_a_row_with_too_many_cells_and_names_the_column_of_a_short_row() {
        String ok1 = Fixtures.cameraId();
        String ok2 = Fixtures.cameraId();
        String tooMany = Fixtures.cameraId();
        String shortRow = Fixtures.cameraId();
        String csv = CHINESE_HEADER
                + chineseRow(ok1, "一号")                                     // row 2
                + "\n"                                                        // row 3: blank
                + chineseRow(tooMany, "多一列").replace("\n", ",多出来的\n")  // row 4: one cell too many
                + "\r\n\r\n"                                                  // rows 5 and 6: blank
                + shortRow + ",短行,一类,球机\n"                              // row 7: ends before 行政区域
                + chineseRow(ok2, "二号");                                    // row 8
        JsonPath job = Imports.run(bytes(csv, StandardCharsets.UTF_8, false), "text/csv", Map.of());
        assertThat(job.getString("state")).isEqualTo("PARTIAL");
        assertThat(job.getLong("created")).isEqualTo(2);
        Map<Integer, String> rows = rejected(job);
        assertThat(rows.keySet()).as("spreadsheet rows, blank lines counted").containsExactly(4, 7);
        assertThat(rows.get(4)).contains("列数过多").contains("18 cells").contains("17 columns");
        assertThat(rows.get(7)).as("the column as the file names it, and why it is empty").contains("行政区域").contains("row ends before");
        given().get("/api/v1/cameras/" + tooMany).then().statusCode(404);
    }

    @Test
    void a_ledger_without_an_area_column_takes_each_cameras_area_from_its_id_when_that_area_exists() {
        String inTianhe = "44010600" + Fixtures.cameraId().substring(8);
        String nowhere = "99990000" + Fixtures.cameraId().substring(8);
        String csv = "gbId,name,pointClass,address\n" + inTianhe + ",无区域一号,3,天河路 1 号\n" + nowhere + ",无区域二号,3,某路\n";
        JsonPath job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getString("message")).contains("no area").contains("first six digits");
        given().get("/api/v1/cameras/" + inTianhe).then().statusCode(200).body("areaCode", equalTo("440106"));
        assertThat(rejected(job).get(3)).contains("999900");
    }

    @Test
    void a_hostile_header_does_not_make_every_job_read_huge() {
        StringBuilder header = new StringBuilder("gbId,name,pointClass,areaCode");
        for (int i = 0; i < 20_000; i++) {
            header.append(",unknown-").append(i);
        }
        String csv = header + "\n" + Fixtures.cameraId() + ",一号,3,440106\n";
        JsonPath job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getString("message")).contains("unknown-0").contains("and 19980 more").hasSizeLessThanOrEqualTo(1_000);
    }

    @Test
    void a_nul_in_a_cell_rejects_its_row_not_the_job() {
        String good = Fixtures.cameraId();
        String bad = Fixtures.cameraId();
        String csv = "gbId,name,pointClass,areaCode\n" + good + ",一号,3,440106\n" + bad + ",二\u0000号,3,440106\n";
        JsonPath job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(rejected(job).get(3)).contains("NUL");
    }

    @Test
    void imports_a_chinese_ledger_with_bom_and_reads_its_codes() {
        String a = Fixtures.cameraId();
        String b = Fixtures.cameraId();
        String csv = CHINESE_HEADER + chineseRow(a, "体育东路口") + chineseRow(b, "天河北路口");
        JsonPath job = Imports.run(bytes(csv, StandardCharsets.UTF_8, true), "text/csv", Map.of("mode", "atomic"));
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("rowsRead")).isEqualTo(2);
        assertThat(job.getLong("created")).isEqualTo(2);
        given().get("/api/v1/cameras/" + a).then().statusCode(200)
                .body("name", equalTo("体育东路口"))
                .body("pointClass", equalTo(1))
                .body("cameraType", equalTo(1))
                .body("directionCode", equalTo(6))
                .body("lifecycle", equalTo("IN_USE"))
                .body("installedOn", equalTo("2021-06-01"))
                .body("networked", equalTo(true))
                .body("maintainerUnit", equalTo("天河区运维一队"))
                .body("completeness.complete", equalTo(true));
    }

    @Test
    void says_which_columns_it_did_not_import() {
        String id = Fixtures.cameraId();
        String csv = "设备编码,设备名称,监控点位类型,行政区域,安装地址,经 纬度\n" + id + ",拼错的表头,3,440106,天河路 9 号,23.1/113.3\n";
        JsonPath job = Imports.run(bytes(csv, StandardCharsets.UTF_8, false), "text/csv", Map.of());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("message")).contains("经 纬度");
    }

    @Test
    void detects_a_gb18030_ledger_without_being_told() {
        String id = Fixtures.cameraId();
        byte[] body = bytes(CHINESE_HEADER + chineseRow(id, "珠江新城花城大道"), Charset.forName("GB18030"), false);
        JsonPath job = Imports.run(body, "text/csv", Map.of());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        given().get("/api/v1/cameras/" + id).then().body("name", equalTo("珠江新城花城大道")).body("ownerUnit", equalTo("广州市公安局"));
    }

    @Test
    void importing_the_same_file_twice_changes_nothing_the_second_time() {
        String id = Fixtures.cameraId();
        byte[] body = bytes(CHINESE_HEADER + chineseRow(id, "猎德大桥北").replace("rtsp://", "rtsp://admin:pw@"), StandardCharsets.UTF_8, false);
        assertThat(Imports.run(body, "text/csv", Map.of()).getLong("created")).isEqualTo(1);
        String etag = given().get("/api/v1/cameras/" + id).then().extract().header("ETag");
        JsonPath second = Imports.run(body, "text/csv", Map.of());
        assertThat(second.getLong("created")).isZero();
        assertThat(second.getLong("updated")).isZero();
        assertThat(second.getLong("unchanged")).isEqualTo(1);
        given().get("/api/v1/cameras/" + id).then().header("ETag", etag).body("streams.main.hasCredentials", equalTo(true));
    }

    @Test
    void an_atomic_import_with_one_bad_row_writes_nothing_and_names_the_cell() {
        String good = Fixtures.cameraId();
        String csv = CHINESE_HEADER + chineseRow(good, "好行") + chineseRow(Fixtures.cameraId(), "坏行").replace("113.327", "东经113");
        JsonPath job = Imports.run(bytes(csv, StandardCharsets.UTF_8, false), "text/csv", Map.of("mode", "atomic"));
        assertThat(job.getString("state")).isEqualTo("REJECTED");
        assertThat(job.getLong("rejected")).isEqualTo(1);
        assertThat(job.getLong("errors[0].row")).isEqualTo(3);
        assertThat(job.getString("errors[0].column")).isEqualTo("经度");
        assertThat(job.getString("errors[0].value")).isEqualTo("东经113");
        assertThat(job.getString("errors[0].reason")).isEqualTo("must be a number");
        given().get("/api/v1/cameras/" + good).then().statusCode(404);
    }

    @Test
    void a_partial_import_writes_the_good_rows_and_reports_each_bad_one() {
        String good = Fixtures.cameraId();
        String unknownArea = Fixtures.cameraId();
        String csv = CHINESE_HEADER + chineseRow(good, "好行")
                + chineseRow(unknownArea, "错区").replace(",440106,", ",999999,")
                + chineseRow("4401060000132000001", "短编码")
                + chineseRow(good, "重复");
        JsonPath job = Imports.run(bytes(csv, StandardCharsets.UTF_8, false), "text/csv", Map.of("mode", "partial"));
        assertThat(job.getString("state")).isEqualTo("PARTIAL");
        assertThat(job.getLong("accepted")).isEqualTo(1);
        assertThat(job.getLong("rejected")).isEqualTo(3);
        List<Map<String, Object>> errors = job.getList("errors");
        assertThat(errors).extracting(e -> e.get("row"), e -> e.get("column"))
                .contains(org.assertj.core.groups.Tuple.tuple(3, "行政区域"), org.assertj.core.groups.Tuple.tuple(4, "设备编码"),
                        org.assertj.core.groups.Tuple.tuple(5, "gbId"));
        assertThat(errors).anySatisfy(e -> assertThat((String) e.get("reason")).contains("repeats row 2"));
        given().get("/api/v1/cameras/" + good).then().statusCode(200).body("name", equalTo("好行"));
        given().get("/api/v1/cameras/" + unknownArea).then().statusCode(404);
    }

    @Test
    void a_dry_run_counts_what_would_change_and_writes_nothing() {
        String id = Fixtures.cameraId();
        JsonPath job = Imports.run(bytes(CHINESE_HEADER + chineseRow(id, "试运行"), StandardCharsets.UTF_8, false),
                "text/csv", Map.of("dryRun", true));
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getBoolean("dryRun")).isTrue();
        assertThat(job.getLong("created")).isEqualTo(1);
        given().get("/api/v1/cameras/" + id).then().statusCode(404);
    }

    @Test
    void imports_json_shaped_like_the_api_and_reports_type_errors_per_row() {
        String good = Fixtures.cameraId();
        Map<String, Object> bad = Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "pointClass", "first");
        String body = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(List.of(Fixtures.camera(good), bad)).toString();
        JsonPath job = Imports.run(body.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
        assertThat(job.getString("state")).isEqualTo("PARTIAL");
        assertThat(job.getLong("errors[0].row")).isEqualTo(2);
        assertThat(job.getString("errors[0].field")).isEqualTo("pointClass");
        given().get("/api/v1/cameras/" + good).then().statusCode(200);
    }

    @Test
    void fails_a_file_it_cannot_read_and_writes_nothing() {
        String id = Fixtures.cameraId();
        String csv = CHINESE_HEADER + chineseRow(id, "\"未闭合的引号");
        JsonPath job = Imports.run(bytes(csv, StandardCharsets.UTF_8, false), "text/csv", Map.of("mode", "partial"));
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("message")).as("the line the stray quote is on, not the end of the file").contains("line 2: a quoted field")
                .contains("is not closed");
        given().get("/api/v1/cameras/" + id).then().statusCode(404);
    }

    @Test
    void refuses_a_file_over_the_size_limit_with_413() {
        byte[] big = new byte[4_100_000];
        java.util.Arrays.fill(big, (byte) 'x');
        given().contentType("text/csv").body(big).post("/api/v1/imports").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void refuses_other_content_types_and_bad_options() {
        given().contentType("application/xml").body("<x/>").post("/api/v1/imports").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("text/csv").queryParam("mode", "sometimes").body("a").post("/api/v1/imports").then()
                .statusCode(400).body("errors[0].field", equalTo("mode"));
        given().get("/api/v1/imports/not-a-job").then().statusCode(404);
    }

    @Test
    void exports_what_it_imports_and_the_export_imports_back_unchanged() {
        String tag = "export-" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Fixtures.create(Fixtures.with(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "tags", List.of(tag)),
                    "streams", Map.of("main", Map.of("url", "rtsp://u:secret@10.9.9.9/cam/" + i)))));
        }
        for (String format : List.of("csv", "json")) {
            byte[] exported = given().queryParam("tag", tag).queryParam("format", format).get("/api/v1/cameras/export")
                    .then().statusCode(200).extract().asByteArray();
            String text = new String(exported, StandardCharsets.UTF_8);
            assertThat(text).contains(ids.get(0), ids.get(2)).doesNotContain("secret");
            JsonPath job = Imports.run(exported, format.equals("csv") ? "text/csv" : "application/json", Map.of("mode", "atomic"));
            assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
            assertThat(job.getLong("unchanged")).isEqualTo(3);
        }
        byte[] gb = given().queryParam("tag", tag).queryParam("encoding", "gb18030").get("/api/v1/cameras/export")
                .then().statusCode(200).extract().asByteArray();
        assertThat(new String(gb, Charset.forName("GB18030"))).contains("天河路与体育东路交叉口");
        given().queryParam("format", "xlsx").get("/api/v1/cameras/export").then().statusCode(400);
    }
}
