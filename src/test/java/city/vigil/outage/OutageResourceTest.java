package city.vigil.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import city.vigil.probe.ProbeCause;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class OutageResourceTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @Inject
    OutageStore store;

    @Test
    void lists_outages_newest_first_with_filters_and_shows_one() {
        String cam = Fixtures.cameraId();
        long closed = store.open(cam, "440100/440111/", 2, ProbeCause.TIMEOUT, T0).orElseThrow();
        store.close(cam, T0.plusSeconds(300));
        long open = store.open(cam, "440100/440111/", 2, ProbeCause.REFUSED, T0.plusSeconds(600)).orElseThrow();
        List<Integer> ids = given().queryParam("gbId", cam).get("/api/v1/outages").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(ids).containsExactly((int) open, (int) closed);
        given().queryParam("gbId", cam).queryParam("open", true).get("/api/v1/outages").then()
                .body("items.id", org.hamcrest.Matchers.contains((int) open));
        given().queryParam("gbId", cam).queryParam("cause", "timeout").get("/api/v1/outages").then()
                .body("items.id", org.hamcrest.Matchers.contains((int) closed));
        given().queryParam("gbId", cam).queryParam("area", "440104").get("/api/v1/outages").then()
                .body("items", org.hamcrest.Matchers.empty());
        given().get("/api/v1/outages/" + closed).then().statusCode(200)
                .body("open", equalTo(false))
                .body("durationSeconds", equalTo(300))
                .body("areaCode", equalTo("440111"))
                .body("cause", equalTo("TIMEOUT"))
                .body("ack", nullValue());
    }

    @Test
    void filters_by_state_class_maintainer_image_fault_and_period() {
        String cam = Fixtures.cameraId();
        Fixtures.create(Fixtures.with(Fixtures.with(Fixtures.camera(cam), "maintainerUnit", "过滤测试运维队"), "pointClass", 2));
        long early = store.open(cam, "440100/440106/", 2, ProbeCause.TIMEOUT, T0).orElseThrow();
        store.close(cam, T0.plusSeconds(60));
        long black = store.open(cam, "440100/440106/", 2, "BLACK", T0.plusSeconds(3600)).orElseThrow();

        given().queryParam("gbId", cam).queryParam("state", "closed").get("/api/v1/outages").then().body("items.id", org.hamcrest.Matchers.contains((int) early));
        given().queryParam("maintainer", "过滤测试运维队").queryParam("pointClass", "2").get("/api/v1/outages").then()
                .body("items.id", org.hamcrest.Matchers.contains((int) black, (int) early));
        given().queryParam("gbId", cam).queryParam("pointClass", "1").get("/api/v1/outages").then().body("items", org.hamcrest.Matchers.empty());
        given().queryParam("gbId", cam).queryParam("cause", "black").get("/api/v1/outages").then().body("items.id", org.hamcrest.Matchers.contains((int) black));
        given().queryParam("gbId", cam).queryParam("from", T0.plusSeconds(120).toString()).queryParam("to", T0.plusSeconds(7200).toString())
                .get("/api/v1/outages").then().body("items.id", org.hamcrest.Matchers.contains((int) black));
        given().queryParam("state", "ajar").get("/api/v1/outages").then().statusCode(400).body("errors[0].field", equalTo("state"));
    }

    @Test
    void an_operator_acknowledges_an_outage() {
        String cam = Fixtures.cameraId();
        long outage = store.open(cam, "440100/440106/", 1, ProbeCause.AUTH_FAILED, T0).orElseThrow();
        given().contentType(ContentType.JSON).body(Map.of("by", "ops-zhang", "note", "owner rotated the password"))
                .post("/api/v1/outages/" + outage + "/ack").then().statusCode(200)
                .body("ack.by", equalTo("ops-zhang"))
                .body("ack.note", equalTo("owner rotated the password"));
        given().contentType(ContentType.JSON).body(Map.of("by", "ops-li", "note", "mine now")).post("/api/v1/outages/" + outage + "/ack")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("ops-zhang"));
        given().get("/api/v1/outages/" + outage).then().body("ack.by", equalTo("ops-zhang")).body("ack.note", equalTo("owner rotated the password"));
        given().contentType(ContentType.JSON).body(Map.of("note", "who?")).post("/api/v1/outages/" + outage + "/ack")
                .then().statusCode(400).body("errors[0].field", equalTo("by"));
        given().contentType(ContentType.JSON).body(Map.of("by", "x")).post("/api/v1/outages/999999999/ack").then().statusCode(404);
        given().get("/api/v1/outages/abc").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().queryParam("cause", "gremlins").get("/api/v1/outages").then().statusCode(400).body("errors[0].field", equalTo("cause"));
    }
}
