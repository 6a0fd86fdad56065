package city.vigil.webhook;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import city.vigil.testsupport.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: cameras of the simulator go down and come back, the monitor opens and closes outages, the
 * outbox carries the events and a real receiver on loopback gets them signed, checking every signature on its own.
 */
@QuarkusTest
@TestProfile(EventsTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class WebhookIntegrationTest extends SimulatorTest {
    private WebhookReceiver receiver;
    /**
     * For tests driven by test-sends: an event type nothing here emits, so camera events of other tests' cameras (their
     * simulators stop when those tests end) cannot slip in between.
     */
    private static final List<String> QUIET = List.of("checkpoint.stale");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    city.vigil.rates.RateAlarms rateAlarms;
    @Inject
    city.vigil.monitor.MonitorService monitor;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        // A test that took the database away ends as soon as it is back; the API answers 503 until the next health ping.
        List<Object> ids = await().atMost(PATIENCE).until(() -> given().queryParam("limit", 500).get("/api/v1/webhooks").then()
                .extract(), r -> r.statusCode() == 200).jsonPath().getList("items.id");
        // Other tests' subscriptions must not receive this test's events.
        for (Object id : ids) {
            given().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        }
    }

    private JsonPath subscribe(List<String> types, Map<String, Object> filters) {
        return given().contentType("application/json").body(Map.of("url", receiver.url(), "description", "alerting", "eventTypes", types,
                "filters", filters)).post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static String register(Scenario scenario, int pointClass) {
        String id = cameras.add(scenario);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        return Fixtures.create(Fixtures.with(camera, "pointClass", pointClass));
    }

    private static void awaitState(String gbId, String state) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                given().get("/api/v1/cameras/{id}/status", gbId).then().statusCode(200).extract().jsonPath().getString("state")).isEqualTo(state));
    }

    @Test
    void a_camera_that_goes_down_and_comes_back_is_announced_signed_with_its_identifiers_and_links() throws Exception {
        JsonPath sub = subscribe(List.of("camera.offline", "camera.online"), Map.of());
        String secret = sub.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).as("at least 24 random bytes").hasSizeGreaterThanOrEqualTo(24);
        given().get("/api/v1/webhooks/{id}", sub.getLong("id")).then().statusCode(200).body("secret", nullValue())
                .body("eventTypes", hasItems("camera.offline", "camera.online"));

        String id = register(Scenario.HEALTHY, 1);
        awaitState(id, "ONLINE");
        sim.fleet().switchTo(id, Scenario.REFUSED);
        await().atMost(PATIENCE).until(() -> receiver.ofType("camera.offline").stream().anyMatch(c -> c.body().contains(id)));
        sim.fleet().switchTo(id, Scenario.HEALTHY);
        await().atMost(PATIENCE).until(() -> receiver.ofType("camera.online").stream().anyMatch(c -> c.body().contains(id)));

        WebhookReceiver.Call offline = receiver.ofType("camera.offline").stream().filter(c -> c.body().contains(id)).findFirst().orElseThrow();
        assertThat(WebhookReceiver.signedWith(offline, secret)).as("signature checked by the receiver").isTrue();
        assertThat(offline.id()).startsWith("evt_");
        JsonPath body = new JsonPath(offline.body());
        assertThat(body.getString("data.gbId")).isEqualTo(id);
        assertThat(body.getString("data.cause")).isEqualTo("REFUSED");
        assertThat(body.getInt("data.pointClass")).isEqualTo(1);
        assertThat(body.getString("data.areaCode")).isNotBlank();
        assertThat(body.getString("data.links.outage")).contains("/api/v1/outages/" + body.getLong("data.outageId"))
                .as("links point where this Vigil runs").startsWith("http://localhost:" + io.restassured.RestAssured.port + "/");
        assertThat(offline.body().length()).isLessThanOrEqualTo(20 * 1024);
        WebhookReceiver.Call online = receiver.ofType("camera.online").stream().filter(c -> c.body().contains(id)).findFirst().orElseThrow();
        assertThat(new JsonPath(online.body()).getLong("data.outageId")).as("the recovery names its outage").isEqualTo(body.getLong("data.outageId"));
        assertThat(WebhookReceiver.signedWith(online, secret)).isTrue();
    }

    @Test
    void a_receiver_that_is_down_for_a_while_gets_every_event_in_order_with_stable_ids_once_it_is_back() throws Exception {
        JsonPath sub = subscribe(QUIET, Map.of());
        long subId = sub.getLong("id");
        AtomicInteger failuresLeft = new AtomicInteger(3);
        receiver.answer = () -> failuresLeft.getAndDecrement() > 0 ? 503 : 200;
        List<String> events = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202).extract().jsonPath().getString("eventId"));
        }
        await().atMost(PATIENCE).until(() -> receiver.calls.size() >= 3);

        assertThat(receiver.calls).extracting(WebhookReceiver.Call::id).as("each event once, in the order they happened").containsExactlyElementsOf(events);
        for (WebhookReceiver.Call c : receiver.calls) {
            assertThat(WebhookReceiver.signedWith(c, sub.getString("secret"))).isTrue();
        }
        assertThat(receiver.requests.get()).as("three refused attempts, then the three events").isEqualTo(6);
        JsonPath log = given().get("/api/v1/webhooks/{id}/deliveries", subId).then().statusCode(200).extract().jsonPath();
        Map<String, Object> first = log.getList("items", Map.class).stream().filter(d -> d.get("eventId").equals(events.get(0))).findFirst().orElseThrow();
        assertThat(first.get("state")).isEqualTo("DELIVERED");
        assertThat((List<?>) first.get("log")).as("every attempt logged: three 503s, then 200").hasSize(4);
        assertThat(log.getList("items.log.flatten().status")).contains(503, 200);
    }

    @Test
    void a_replayed_event_arrives_again_with_its_id_and_a_period_replays_what_the_subscription_wants() throws Exception {
        JsonPath sub = subscribe(QUIET, Map.of());
        long subId = sub.getLong("id");
        Instant before = Instant.now().minusSeconds(1);
        String first = given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202).extract().jsonPath().getString("eventId");
        String second = given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202).extract().jsonPath().getString("eventId");
        await().atMost(PATIENCE).until(() -> receiver.calls.size() >= 2);

        given().contentType("application/json").body(Map.of("eventId", first)).post("/api/v1/webhooks/{id}/replay", subId).then().statusCode(202)
                .body("queued", equalTo(1));
        await().atMost(PATIENCE).until(() -> receiver.calls.size() >= 3);
        WebhookReceiver.Call again = receiver.calls.get(2);
        assertThat(again.id()).as("the same webhook-id, so the receiver can tell it is a repeat").isEqualTo(first);
        assertThat(WebhookReceiver.signedWith(again, sub.getString("secret"))).isTrue();

        // A period replays only what this subscription would have been sent: its own test events, not other events of the period.
        given().contentType("application/json").body(Map.of("from", before.toString(), "to", Instant.now().plusSeconds(1).toString()))
                .post("/api/v1/webhooks/{id}/replay", subId).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> receiver.calls.size() >= 5);
        assertThat(receiver.calls.subList(3, 5)).extracting(WebhookReceiver.Call::id).as("in the order they happened").containsExactly(first, second);

        given().contentType("application/json").body(Map.of("eventId", "42")).post("/api/v1/webhooks/{id}/replay", subId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("eventId"));
        given().contentType("application/json").body(Map.of("from", Instant.now().toString(), "to", before.toString()))
                .post("/api/v1/webhooks/{id}/replay", subId).then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().contentType("application/json").body(Map.of("eventId", "evt_999999999")).post("/api/v1/webhooks/{id}/replay", subId).then()
                .statusCode(400).body("errors[0].reason", startsWith("no event"));
    }

    @Test
    void a_receiver_answering_410_disables_its_subscription() {
        long subId = subscribe(QUIET, Map.of()).getLong("id");
        receiver.answer = () -> 410;
        given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/webhooks/{id}", subId).then().body("enabled", equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("410")));
    }

    @Test
    void a_subscription_whose_deliveries_have_failed_for_days_is_disabled_at_its_next_failure() throws Exception {
        long subId = subscribe(QUIET, Map.of()).getLong("id");
        receiver.answer = () -> 503;
        // As if every delivery had failed since six days ago (the default limit is five).
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE webhook_subscription SET failing_since = now() - interval '6 days' WHERE id = " + subId);
        }
        given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/webhooks/{id}", subId).then().body("enabled", equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("every delivery failed for 5 days")));
        // Re-enabled by hand, it starts a fresh failure record.
        given().contentType("application/json").body(Map.of("enabled", true)).patch("/api/v1/webhooks/{id}", subId).then().statusCode(200)
                .body("enabled", equalTo(true)).body("failingSince", nullValue());
    }

    @Test
    void after_a_rotation_both_the_new_and_the_old_secret_sign_during_the_grace() throws Exception {
        JsonPath sub = subscribe(QUIET, Map.of());
        long subId = sub.getLong("id");
        String old = sub.getString("secret");
        String fresh = given().post("/api/v1/webhooks/{id}/rotate-secret", subId).then().statusCode(200).extract().jsonPath().getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> !receiver.calls.isEmpty());
        WebhookReceiver.Call call = receiver.calls.get(0);
        assertThat(call.signatures().split(" ")).hasSize(2);
        assertThat(WebhookReceiver.signedWith(call, fresh)).isTrue();
        assertThat(WebhookReceiver.signedWith(call, old)).isTrue();
    }

    @Test
    void a_delivery_claimed_by_a_node_that_died_is_taken_over_when_its_claim_runs_out() throws Exception {
        long subId = subscribe(QUIET, Map.of()).getLong("id");
        receiver.answer = () -> 503;
        String eventId = given().post("/api/v1/webhooks/{id}/test", subId).then().statusCode(202).extract().jsonPath().getString("eventId");
        await().atMost(PATIENCE).until(() -> receiver.requests.get() >= 1);
        receiver.answer = () -> 200;
        // As if a node had claimed the retry and then died: its claim is in the past, the delivery still PENDING.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE webhook_delivery SET claimed_until = now() - interval '1 second', next_attempt_at = now() WHERE subscription_id = "
                    + subId + " AND state = 'PENDING'");
        }
        await().atMost(PATIENCE).until(() -> receiver.calls.stream().anyMatch(c -> c.id().equals(eventId)));
    }

    @Test
    void an_area_whose_online_rate_falls_below_the_threshold_is_announced_once_per_crossing() throws Exception {
        subscribe(List.of("area.online_rate_below"), Map.of("area", "440113"));
        String id = cameras.add(Scenario.HEALTHY);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        camera = Fixtures.with(Fixtures.with(camera, "areaCode", "440113"), "pointClass", 4);
        Fixtures.create(camera);
        awaitState(id, "ONLINE");
        rateAlarms.check(Instant.now());

        sim.fleet().switchTo(id, Scenario.REFUSED);
        awaitState(id, "OFFLINE");
        rateAlarms.check(Instant.now());
        rateAlarms.check(Instant.now());
        await().atMost(PATIENCE).until(() -> receiver.ofType("area.online_rate_below").size() == 1);
        JsonPath event = new JsonPath(receiver.ofType("area.online_rate_below").get(0).body());
        assertThat(event.getString("data.areaCode")).isEqualTo("440113");
        assertThat(event.getInt("data.pointClass")).isEqualTo(4);
        assertThat(event.getDouble("data.onlineRate")).isEqualTo(0.0);

        sim.fleet().switchTo(id, Scenario.HEALTHY);
        awaitState(id, "ONLINE");
        rateAlarms.check(Instant.now());
        sim.fleet().switchTo(id, Scenario.REFUSED);
        awaitState(id, "OFFLINE");
        rateAlarms.check(Instant.now());
        await().atMost(PATIENCE).until(() -> receiver.ofType("area.online_rate_below").size() == 2);
    }

    @Test
    void an_outage_decided_while_postgresql_is_unreachable_is_announced_once_it_is_back() throws Exception {
        JsonPath sub = subscribe(List.of("camera.offline"), Map.of("area", "440115"));
        String id = cameras.add(Scenario.HEALTHY);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        Fixtures.create(Fixtures.with(camera, "areaCode", "440115"));
        awaitState(id, "ONLINE");
        try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.ADMIN_URL, PostgresTestDatabase.USER, "");
             Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + PostgresTestDatabase.DATABASE + " ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + PostgresTestDatabase.DATABASE + "'");
                sim.fleet().switchTo(id, Scenario.REFUSED);
                // The monitor decides without the database; the journal keeps the decision and retries.
                await().atMost(PATIENCE).until(() -> monitor.channel(id).map(c -> c.state().name()).orElse("").equals("OFFLINE"));
                assertThat(receiver.calls).as("nothing can be announced while the database is away").isEmpty();
            } finally {
                s.execute("ALTER DATABASE " + PostgresTestDatabase.DATABASE + " ALLOW_CONNECTIONS true");
            }
        }
        await().atMost(PATIENCE).until(() -> receiver.ofType("camera.offline").stream().anyMatch(c -> c.body().contains(id)));
        assertThat(WebhookReceiver.signedWith(receiver.ofType("camera.offline").get(0), sub.getString("secret"))).isTrue();
    }

    @Test
    void bad_subscriptions_are_refused_field_by_field() {
        given().contentType("application/json").body(Map.of("url", "ftp://example.org/hook", "eventTypes", List.of("camera.exploded")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("url", "eventTypes"));
        given().contentType("application/json").body(Map.of("url", "http://10.1.2.3/hook", "eventTypes", List.of("camera.offline")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].reason", startsWith("10.1.2.3 is a private"));
        given().contentType("application/json").body(Map.of("url", "http://169.254.169.254/latest", "eventTypes", List.of("camera.offline")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().contentType("application/json").body(Map.of("url", receiver.url(), "eventTypes", List.of("camera.offline"),
                "filters", Map.of("minSeverity", 7, "area", "999999"))).post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", hasItems("filters.minSeverity", "filters.area"));
    }

    @Test
    void filters_keep_other_areas_and_lower_severities_away() {
        JsonPath onlyClass1 = subscribe(List.of("camera.offline"), Map.of("minSeverity", 3));
        String class2 = register(Scenario.HEALTHY, 2);
        String class1 = register(Scenario.HEALTHY, 1);
        awaitState(class2, "ONLINE");
        awaitState(class1, "ONLINE");
        sim.fleet().switchTo(class2, Scenario.REFUSED);
        sim.fleet().switchTo(class1, Scenario.REFUSED);
        await().atMost(PATIENCE).until(() -> receiver.calls.stream().anyMatch(c -> c.body().contains(class1)));
        awaitState(class2, "OFFLINE");
        // The class-2 outage's event exists (it is in the same outbox), but this subscription does not want it.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.calls.stream().noneMatch(c -> c.body().contains(class2)));
        assertThat(onlyClass1.getInt("filters.minSeverity")).isEqualTo(3);
    }
}
