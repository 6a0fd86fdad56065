package city.vigil.event;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import city.vigil.webhook.EventsTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The live event stream, read by a real SSE client: live events, area filter, resume with Last-Event-ID. */
@QuarkusTest
@TestProfile(EventsTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class EventStreamTest extends SimulatorTest {

    @TestHTTPResource("/api/v1/events")
    URI events;

    /** An SSE connection whose lines pile up in {@code lines}. */
    private static final class Client implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        Client(URI uri, String lastEventId) {
            HttpRequest.Builder r = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                r.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(r.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(resp -> {
                Thread reader = new Thread(() -> {
                    try {
                        resp.body().forEach(lines::add);
                    } catch (java.io.UncheckedIOException closed) {
                        // The stream ended (the test is over).
                    }
                });
                reader.setDaemon(true);
                reader.start();
            });
        }

        /** The id of the event named {@code event} whose data mentions {@code text}, or null. */
        String idOf(String event, String text) {
            String id = null;
            String name = null;
            for (String line : lines) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:") && event.equals(name) && line.contains(text)) {
                    return id;
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    private static String state(String gbId) {
        return given().get("/api/v1/cameras/{id}/status", gbId).then().statusCode(200).extract().jsonPath().getString("state");
    }

    @Test
    void state_changes_and_outage_events_stream_live_filtered_by_area_and_resume_after_the_last_event_id() {
        String id = cameras.add(Scenario.HEALTHY);
        Fixtures.create(Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN)))));
        await().atMost(PATIENCE).until(() -> state(id).equals("ONLINE"));

        try (Client district = new Client(URI.create(events + "?area=440106"), null);
             Client elsewhere = new Client(URI.create(events + "?area=440104"), null)) {
            sim.fleet().switchTo(id, Scenario.REFUSED);
            await().atMost(PATIENCE).until(() -> district.idOf("camera.offline", id) != null);
            assertThat(district.idOf("state.changed", id)).as("the transition itself").isNotNull();
            String offline = district.idOf("camera.offline", id);

            sim.fleet().switchTo(id, Scenario.HEALTHY);
            await().atMost(PATIENCE).until(() -> district.idOf("camera.online", id) != null);
            assertThat(elsewhere.lines).as("another district's stream").noneMatch(l -> l.contains(id));

            // A client that lost its connection after the offline event gets what followed, not what it had.
            try (Client resumed = new Client(events, offline)) {
                await().atMost(PATIENCE).until(() -> resumed.idOf("camera.online", id) != null);
                assertThat(resumed.idOf("camera.offline", id)).isNull();
            }
        }
        given().header("Last-Event-ID", "yesterday").accept("text/event-stream").get("/api/v1/events").then().statusCode(400);
    }
}
