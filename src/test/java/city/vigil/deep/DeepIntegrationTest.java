package city.vigil.deep;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deep tier end to end on the simulator: sweeps decode every camera's sub-stream, a picture fault found three
 * times in a row makes the channel DEGRADED with an outage carrying the fault, an encoder that streams nothing while
 * the RTSP server answers makes it OFFLINE with NO_MEDIA, healthy cameras count as intact, and operators get the
 * diagnosis and a snapshot.
 */
@QuarkusTest
@TestProfile(DeepTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class DeepIntegrationTest extends SimulatorTest {

    private static String register(Scenario scenario) {
        String id = cameras.add(scenario);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of(
                "main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN)), "sub", Map.of("url", sim.rtspUrl(id, Resolution.SUB))));
        return Fixtures.create(camera);
    }

    @Test
    void a_camera_can_have_its_main_stream_decoded_instead_of_the_default_sub_stream() {
        String id = register(Scenario.HEALTHY);
        given().get("/api/v1/cameras/{id}/deep-stream", id).then().statusCode(200)
                .body("stream", org.hamcrest.Matchers.equalTo("SUB")).body("ownChoice", org.hamcrest.Matchers.equalTo(false));
        given().contentType("application/json").body(Map.of("stream", "third")).put("/api/v1/cameras/{id}/deep-stream", id).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("stream"));

        given().contentType("application/json").body(Map.of("stream", "main")).put("/api/v1/cameras/{id}/deep-stream", id).then()
                .statusCode(200).body("stream", org.hamcrest.Matchers.equalTo("MAIN")).body("ownChoice", org.hamcrest.Matchers.equalTo(true));
        JsonPath main = given().post("/api/v1/cameras/{id}/diagnosis", id).then().statusCode(200).extract().jsonPath();
        assertThat(main.getString("measures.stream")).isEqualTo("MAIN");
        assertThat(main.getInt("measures.width")).isEqualTo(1920);

        given().delete("/api/v1/cameras/{id}/deep-stream", id).then().statusCode(200).body("stream", org.hamcrest.Matchers.equalTo("SUB"));
        assertThat(given().post("/api/v1/cameras/{id}/diagnosis", id).then().statusCode(200).extract().jsonPath().getInt("measures.width"))
                .isEqualTo(640);
    }

    @Test
    void a_stream_the_camera_does_not_have_cannot_be_chosen() {
        String id = cameras.add(Scenario.HEALTHY);
        Fixtures.create(Fixtures.with(Fixtures.camera(id), "streams", Map.of("sub", Map.of("url", sim.rtspUrl(id, Resolution.SUB)))));
        given().contentType("application/json").body(Map.of("stream", "MAIN")).put("/api/v1/cameras/{id}/deep-stream", id).then()
                .statusCode(400).body("errors[0].reason", org.hamcrest.Matchers.containsString("no MAIN stream"));
        given().get("/api/v1/cameras/{id}/deep-stream", id).then().statusCode(200).body("ownChoice", org.hamcrest.Matchers.equalTo(false));
    }

    private static JsonPath status(String gbId) {
        return given().get("/api/v1/cameras/{id}/status", gbId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_black_picture_degrades_the_channel_with_an_outage_carrying_the_fault() {
        String id = register(Scenario.BLACK);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath s = status(id);
            assertThat(s.getString("state")).isEqualTo("DEGRADED");
            assertThat(s.getString("imageFault")).isEqualTo("BLACK");
        });
        JsonPath diagnosis = given().get("/api/v1/cameras/{id}/diagnosis", id).then().statusCode(200).extract().jsonPath();
        assertThat(diagnosis.getString("primary")).isEqualTo("BLACK");
        assertThat(diagnosis.getString("measures.codec")).isEqualTo("h264");
        assertThat(diagnosis.getInt("measures.width")).isEqualTo(640);
        assertThat(diagnosis.getList("verdicts.fault")).contains("BLACK", "BLURRED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().queryParam("gbId", id).get("/api/v1/outages").then()
                .extract().jsonPath().<Map<String, Object>>getList("items")).singleElement().satisfies(o -> {
                    assertThat(o.get("cause")).isEqualTo("BLACK");
                    assertThat(o.get("open")).isEqualTo(true);
                }));
    }

    @Test
    void a_dead_encoder_behind_an_answering_server_is_offline_with_no_media() {
        String id = register(Scenario.NO_VIDEO);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath s = status(id);
            assertThat(s.getString("state")).isEqualTo("OFFLINE");
            assertThat(s.getString("cause")).isEqualTo("NO_MEDIA");
        });
        assertThat(status(id).getBoolean("lastProbe.up")).as("liveness (DESCRIBE) still answers").isTrue();
    }

    @Test
    void a_healthy_camera_is_intact_with_a_snapshot_and_a_learned_baseline() throws java.io.IOException {
        String id = register(Scenario.HEALTHY);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(status(id).getBoolean("intact")).isTrue());
        byte[] jpeg = given().get("/api/v1/cameras/{id}/snapshot", id).then().statusCode(200).contentType("image/jpeg")
                .header("X-Snapshot-Time", org.hamcrest.Matchers.notNullValue()).extract().asByteArray();
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        assertThat(picture.getWidth()).as("snapshot width").isEqualTo(320);
        assertThat(picture.getHeight()).as("snapshot height, 16:9 kept").isEqualTo(180);
        java.awt.Color sky = new java.awt.Color(picture.getRGB(200, 40));
        assertThat(sky.getBlue()).as("the street scene's sky, in its colours").isGreaterThan(sky.getRed() + 30);
        JsonPath diagnosis = given().get("/api/v1/cameras/{id}/diagnosis", id).then().statusCode(200).extract().jsonPath();
        assertThat(diagnosis.getList("faults")).isEmpty();
        assertThat(diagnosis.getString("baselineLearnedAt")).isNotNull();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().queryParam("area", "440106").get("/api/v1/rates").then()
                .extract().jsonPath().getLong("total.intact")).isGreaterThanOrEqualTo(1));
        given().delete("/api/v1/cameras/{id}/diagnosis/baseline", id).then().statusCode(204);
        JsonPath progress = given().get("/api/v1/deep").then().statusCode(200).extract().jsonPath();
        assertThat(progress.getLong("checked")).isGreaterThan(0);
        assertThat(given().get("/q/metrics").then().extract().asString()).contains("vigil_deep_checks_total{fault=\"none\",outcome=\"decoded\"}");
    }

    @Test
    void a_camera_without_a_decodable_stream_reports_the_cause_and_keeps_no_snapshot() {
        String id = register(Scenario.NOT_FOUND);
        JsonPath checked = given().post("/api/v1/cameras/{id}/diagnosis", id).then().statusCode(200).extract().jsonPath();
        assertThat(checked.getBoolean("decoded")).isFalse();
        assertThat(checked.getString("cause")).isEqualTo("NOT_FOUND");
        assertThat(checked.getList("faults")).isEqualTo(List.of("SIGNAL_LOSS"));
        given().get("/api/v1/cameras/{id}/snapshot", id).then().statusCode(404);
        assertThat(given().get("/q/metrics").then().extract().asString()).as("counted by why no frame came")
                .contains("vigil_deep_checks_total{fault=\"signal_loss\",outcome=\"not_found\"}");
    }
}
