package city.vigil.access;

import static city.vigil.access.Credentials.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A runaway integrator is slowed down, not the others; an export is bounded. */
@QuarkusTest
@TestProfile(LimitsTest.Tight.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class LimitsTest {

    /** Two requests a second in bursts of five; exports of at most three cameras. */
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.access.enabled", "true", "vigil.access.initial-password-file", AccessTestProfile.PASSWORD_FILE,
                    "vigil.access.rate-per-second", "2", "vigil.access.rate-burst", "5", "vigil.export.max-rows", "3");
        }
    }

    @Inject
    ApiKeys keys;

    @Test
    void aKeyOverItsRateWaitsWithRetryAfterWhileAnotherKeyGoesOn() {
        String busy = Credentials.key(keys, Role.VIEWER);
        String calm = Credentials.key(keys, Role.VIEWER);
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response r = as(busy).get("/api/v1/areas/440106");
            if (r.statusCode() == 429) {
                refused = r;
            }
        }
        assertThat(refused).as("refused within 20 quick calls").isNotNull();
        refused.then().contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 5L);
        as(calm).get("/api/v1/areas/440106").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> as(busy).get("/api/v1/areas/440106").statusCode() == 200);
    }

    @Test
    void anExportLargerThanTheBoundIsRefusedBeforeAnyByteIsSent() {
        String admin = Credentials.key(keys, Role.ADMIN);
        for (int i = 0; i < 4; i++) {
            waitForRate(() -> as(admin).contentType(ContentType.JSON).body(Fixtures.camera(Fixtures.cameraId())).post("/api/v1/cameras"));
        }
        Response tooMany = waitForRate(() -> as(admin).get("/api/v1/cameras/export?format=csv"));
        tooMany.then().statusCode(413).body("detail", containsString("vigil.export.max-rows"));
        String one = Fixtures.cameraId();
        waitForRate(() -> as(admin).contentType(ContentType.JSON).body(Fixtures.with(Fixtures.camera(one), "maintainerUnit", "只导出这一路"))
                .post("/api/v1/cameras"));
        waitForRate(() -> as(admin).get("/api/v1/cameras/export?format=csv&maintainer=只导出这一路")).then().statusCode(200)
                .body(containsString(one));
    }

    /** The limit applies to this test's own calls too: a 429 is waited out, as a well-behaved client would. */
    private static Response waitForRate(java.util.function.Supplier<Response> call) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> (last[0] = call.get()).statusCode() != 429);
        return last[0];
    }
}
