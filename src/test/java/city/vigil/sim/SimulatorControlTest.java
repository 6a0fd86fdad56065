package city.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API: list, switch one or a group, schedule, reset, and clear errors. */
class SimulatorControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimConfig.loopback(Path.of("target", "sim-clips")));
        for (int i = 1; i <= 5; i++) {
            sim.fleet().add("44010600001320000" + String.format("%03d", i), Scenario.HEALTHY);
        }
        sim.fleet().add("44010400001320000001", Scenario.BLACK);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void lists_cameras_with_their_scenarios_and_urls_in_pages() throws Exception {
        JsonNode page = send("GET", "/sim/cameras?limit=4", null).body;
        assertThat(page.get("total").asInt()).isEqualTo(6);
        assertThat(page.get("items")).hasSize(4);
        assertThat(page.get("items").get(0).get("urls").get("rtspSub").asText())
                .isEqualTo("rtsp://127.0.0.1:" + sim.rtspPort() + "/cam/44010400001320000001/sub");
        JsonNode rest = send("GET", "/sim/cameras?limit=4&after=" + page.get("next").asText(), null).body;
        assertThat(rest.get("items")).hasSize(2);
        assertThat(send("GET", "/sim/cameras?scenario=black", null).body.get("items").get(0).get("id").asText())
                .isEqualTo("44010400001320000001");
    }

    @Test
    void switches_one_camera_a_group_and_schedules_a_change_then_resets() throws Exception {
        String id = "44010600001320000001";
        assertThat(send("PUT", "/sim/cameras/" + id + "/scenario", "{\"scenario\":\"frozen\"}").status).isEqualTo(200);
        assertThat(sim.fleet().get(id).orElseThrow().scenario()).isEqualTo(Scenario.FROZEN);

        JsonNode group = send("POST", "/sim/scenarios", "{\"prefix\":\"44010600\",\"scenario\":\"no-video\"}").body;
        assertThat(group.get("cameras").asInt()).isEqualTo(5);
        assertThat(sim.fleet().get("44010600001320000005").orElseThrow().scenario()).isEqualTo(Scenario.NO_VIDEO);

        send("POST", "/sim/scenarios", "{\"ids\":[\"" + id + "\"],\"scenario\":\"drop-after\",\"dropAfterSeconds\":2,\"at\":0.5}");
        assertThat(sim.fleet().get(id).orElseThrow().scenario()).isEqualTo(Scenario.NO_VIDEO);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.fleet().get(id).orElseThrow().scenario() == Scenario.DROP_AFTER);
        assertThat(sim.fleet().get(id).orElseThrow().dropAfter()).isEqualTo(Duration.ofSeconds(2));

        send("POST", "/sim/scenarios", "{\"ids\":[\"" + id + "\"],\"scenario\":\"hang\",\"at\":30}");
        send("POST", "/sim/reset", "{}");
        assertThat(sim.fleet().all()).allMatch(c -> c.scenario() == (c.id().startsWith("440104") ? Scenario.BLACK : Scenario.HEALTHY));
        assertThat(sim.pendingChanges()).as("reset drops scheduled changes").isZero();
    }

    @Test
    void answers_bad_requests_with_problems() throws Exception {
        Answer unknownScenario = send("PUT", "/sim/cameras/44010600001320000002/scenario", "{\"scenario\":\"exploded\"}");
        assertThat(unknownScenario.status).isEqualTo(400);
        assertThat(unknownScenario.body.get("detail").asText()).contains("healthy").contains("scene-changed");
        assertThat(send("PUT", "/sim/cameras/nobody/scenario", "{\"scenario\":\"black\"}").status).isEqualTo(404);
        assertThat(send("POST", "/sim/scenarios", "{not json").status).isEqualTo(400);
        assertThat(send("POST", "/sim/scenarios", "{\"scenario\":\"black\",\"at\":-1,\"prefix\":\"4401\"}").status).isEqualTo(400);
        assertThat(send("GET", "/sim/cameras?limit=0", null).status).isEqualTo(400);
        assertThat(send("GET", "/elsewhere", null).status).isEqualTo(404);
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.controlPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }
}
