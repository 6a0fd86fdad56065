package city.vigil.dashboard;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What keeps the pages live, seen from outside with a plain HTTP client: the server-sent stream of panels and its
 * polling fallback, the map drawn from the registry's coordinates, and clear errors for wrong input.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class LivePagesTest {
    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    /** The first {@code count} events of a stream, as (name, data) pairs. */
    private List<String[]> events(String path, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path)).header("Accept", "text/event-stream")
                .header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String[]> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (out.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && name != null) {
                    out.add(new String[] {name, data.toString()});
                    name = null;
                    data.setLength(0);
                }
            }
        }
        return out;
    }

    @Test
    void the_stream_pushes_the_panels_drawn_anew_and_keeps_coming() throws Exception {
        long started = System.nanoTime();
        List<String[]> events = events("dashboard/stream?view=overview&area=440106", 3);
        assertThat(events.get(0)[0]).as("the first event carries the panels").isEqualTo("update");
        JsonNode first = json.readTree(events.get(0)[1]);
        assertThat(first.path("panels").path("live-panels").asText()).contains("data-k=\"monitored\"", "在线率");
        assertThat(first.path("panels").path("down-panel").asText()).contains("id=\"down-total\"", "共");
        long monitored = given().queryParam("area", "440106").get("/api/v1/rates").then().extract().jsonPath().getLong("total.monitored");
        assertThat(first.path("panels").path("live-panels").asText()).as("the district's figures, as the rates API counts them")
                .contains("data-k=\"monitored\">" + String.format(java.util.Locale.ROOT, "%,d", monitored) + "<");
        assertThat(events).extracting(e -> e[0]).allMatch(n -> n.equals("update") || n.equals("tick"));
        assertThat((System.nanoTime() - started) / 1e9).as("three events at a push a second").isLessThan(10);

        // The fallback answers the same panels for a poll; the wall gets its own.
        JsonNode wall = json.readTree(given().queryParam("view", "wall").queryParam("area", "440106").get("/dashboard/live")
                .then().statusCode(200).extract().asString());
        assertThat(wall.path("panels").path("wall-panels").asText()).contains("id=\"alarm\"");
        assertThat(wall.path("at").asText()).isNotBlank();
    }

    @Test
    void wrong_input_is_a_problem_naming_the_field() {
        given().queryParam("view", "kiosk").get("/dashboard/live").then().statusCode(400).body("errors[0].field", equalTo("view"));
        given().queryParam("page", "0").get("/dashboard/live").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/areas/999999").then().statusCode(404);
        given().queryParam("area", "999999").get("/map").then().statusCode(404);
    }

    @Test
    void the_map_outlines_each_street_by_its_cameras_and_shows_each_camera_of_a_street() {
        String street = "440106" + (700 + (int) (System.nanoTime() % 200));
        given().contentType(ContentType.JSON).body(Map.of("code", street, "name", "地图测试街道", "level", "STREET", "parentCode", "440106"))
                .post("/api/v1/areas").then().statusCode(201);
        List<String> ids = new ArrayList<>();
        double[][] at = {{23.20, 113.40}, {23.21, 113.40}, {23.205, 113.41}};
        for (double[] p : at) {
            Map<String, Object> c = Fixtures.with(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "areaCode", street), "lat", p[0]);
            ids.add(Fixtures.create(Fixtures.with(c, "lon", p[1])));
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().queryParam("area", "440106").get("/map").then().statusCode(200).extract()
                .asString()).contains("data-code=\"" + street + "\"", "地图测试街道"));
        String streetMap = given().queryParam("area", street).get("/map").then().statusCode(200).extract().asString();
        for (String id : ids) {
            assertThat(streetMap).contains("data-gb-id=\"" + id + "\"");
        }
        assertThat(streetMap).contains("<svg id=\"map\"").doesNotContain("http://", "https://");
    }
}
