package city.vigil.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A receiver that was down answers again: the deliveries waiting on it go out at once, not at their next scheduled
 * retry ten minutes (in production: hours) away.
 */
@QuarkusTest
@TestProfile(WebhookRetryTest.LongRetries.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class WebhookRetryTest {

    /** A first retry after a second, the next after ten minutes: the test ends long before that one is due. */
    public static class LongRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.webhooks.retry-schedule", "1s,10m", "vigil.webhooks.poll-interval", "100ms", "vigil.webhooks.timeout", "2s");
        }
    }

    private static long subscribe(WebhookReceiver r) {
        return given().contentType("application/json").body(Map.of("url", r.url(), "eventTypes", List.of("camera.offline")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void a_receiver_that_answers_again_gets_its_waiting_retries_at_once() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer = () -> 503;
            long failing = subscribe(receiver);
            long other = subscribe(receiver);
            String waiting = given().post("/api/v1/webhooks/{id}/test", failing).then().statusCode(202).extract().jsonPath().getString("eventId");
            // The first attempt and the one-second retry fail: the next is ten minutes away.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> given()
                    .get("/api/v1/webhooks/{id}/deliveries", failing).then().extract().jsonPath().getInt("items[0].attempts") >= 2);

            receiver.answer = () -> 204;
            given().post("/api/v1/webhooks/{id}/test", other).then().statusCode(202);
            await("the waiting delivery goes out once the receiver answers another").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100)).until(() -> receiver.calls.stream().anyMatch(c -> c.id().equals(waiting)));
        }
    }
}
