package city.vigil.webhook;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Imports;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import city.vigil.testsupport.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A power cut in a district: 5,000 simulated cameras of 天河 switched off at once. An alerting system gets one
 * area.outage event with the counts and causes, not five thousand camera events, sent again as the loss grows, and one
 * area.recovered when power returns; it gets a camera's recovery only when it was told of that camera's loss. A
 * subscriber that asked for camera events in mass outages gets every one of them as well.
 */
@QuarkusTest
@TestProfile(MassOutageTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class MassOutageTest extends SimulatorTest {
    /** A district's worth of cameras going down, one outage at a time, and the grouped event after them. */
    private static final Duration MASS_PATIENCE = PATIENCE.multipliedBy(2);
    private static final int CAMERAS = 5_000;

    private static long rate(String field) {
        return given().queryParam("area", "440106").get("/api/v1/rates").then().statusCode(200).extract().jsonPath().getLong("total." + field);
    }

    @Test
    void five_thousand_cameras_of_one_district_switched_off_are_one_grouped_event() throws Exception {
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("gbId,name,pointClass,areaCode,ownerUnit,maintainerUnit,networked,lifecycle,address,mainUrl\n");
        for (int i = 0; i < CAMERAS; i++) {
            String id = cameras.add(Scenario.HEALTHY);
            ids.add(id);
            csv.append(id).append(",小区出入口 ").append(i).append(",3,440106,广州市公安局,天河区运维一队,true,IN_USE,天河路 ").append(i)
                    .append(" 号,").append(sim.rtspUrl(id, Resolution.MAIN)).append('\n');
        }
        JsonPath job = Imports.run(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("kind", "cameras"));
        assertThat(job.getLong("created")).as(job.prettify()).isEqualTo(CAMERAS);
        await().atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> rate("online") == CAMERAS);

        try (WebhookReceiver grouped = new WebhookReceiver(); WebhookReceiver everything = new WebhookReceiver()) {
            subscribe(grouped, false);
            subscribe(everything, true);
            ids.forEach(id -> sim.fleet().switchTo(id, Scenario.REFUSED));

            await().atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> rate("offline") == CAMERAS);
            await().atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> distinctIds(everything.ofType("camera.offline")) == CAMERAS);
            await().atMost(MASS_PATIENCE).until(() -> !grouped.ofType("area.outage").isEmpty());

            JsonPath first = new JsonPath(grouped.ofType("area.outage").get(0).body());
            assertThat(first.getString("data.areaCode")).isEqualTo("440106");
            assertThat(first.getLong("data.channels")).isGreaterThanOrEqualTo(50);
            assertThat(first.getLong("data.causes.REFUSED")).isEqualTo(first.getLong("data.channels"));
            long episode = first.getLong("data.episodeId");
            await("the area event is sent again until it counts the whole loss").atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> lastAreaOutage(grouped).getLong("data.channels") == CAMERAS);
            // The first event may count the whole loss already (the hold grouped it all); any later one updates it.
            List<JsonPath> areaEvents = grouped.ofType("area.outage").stream().map(c -> new JsonPath(c.body())).toList();
            assertThat(areaEvents).as("one episode").allSatisfy(e -> assertThat(e.getLong("data.episodeId")).isEqualTo(episode));
            assertThat(areaEvents.subList(1, areaEvents.size())).as("sent again as updates").allSatisfy(e -> assertThat(e.getBoolean("data.update")).isTrue());
            assertThat(areaEvents.stream().map(e -> e.getLong("data.channels")).toList()).as("growing").isSorted();
            List<String> toldOffline = grouped.ofType("camera.offline").stream().map(c -> new JsonPath(c.body()).getString("data.gbId")).toList();
            assertThat(toldOffline.size()).as("camera events before the district looked like a mass outage").isLessThan(10);
            assertThat(everything.ofType("area.outage").stream().map(c -> new JsonPath(c.body()).getLong("data.episodeId")).distinct())
                    .as("the grouped event goes to both").containsExactly(episode);

            ids.forEach(id -> sim.fleet().switchTo(id, Scenario.HEALTHY));
            await().atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> rate("online") == CAMERAS);
            await().atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> grouped.ofType("area.recovered").size() == 1);
            JsonPath recovered = new JsonPath(grouped.ofType("area.recovered").get(0).body());
            assertThat(recovered.getLong("data.episodeId")).isEqualTo(episode);
            assertThat(recovered.getLong("data.channels")).isEqualTo(CAMERAS);
            await().atMost(MASS_PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> distinctIds(everything.ofType("camera.online")) == CAMERAS);
            List<String> toldOnline = grouped.ofType("camera.online").stream().map(c -> new JsonPath(c.body()).getString("data.gbId")).toList();
            assertThat(toldOnline).as("a recovery only for the cameras whose loss it was told of").containsExactlyInAnyOrderElementsOf(toldOffline);
        }
    }

    private static JsonPath lastAreaOutage(WebhookReceiver r) {
        List<WebhookReceiver.Call> calls = r.ofType("area.outage");
        return new JsonPath(calls.get(calls.size() - 1).body());
    }

    private static long distinctIds(List<WebhookReceiver.Call> calls) {
        return calls.stream().map(WebhookReceiver.Call::id).collect(Collectors.toSet()).size();
    }

    private static void subscribe(WebhookReceiver r, boolean cameraEvents) {
        given().contentType("application/json").body(Map.of("url", r.url(), "eventTypes", List.of("camera.offline", "camera.online", "area.outage"),
                "filters", Map.of("cameraEventsInMassOutage", cameraEvents))).post("/api/v1/webhooks").then().statusCode(201);
    }
}
