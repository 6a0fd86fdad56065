package city.vigil.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.event.EventType;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A subscription's fields are validated like every other: closed sets, bounded text, no null in a list. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class WebhookValidationTest {
    private static final String RECEIVER = "http://127.0.0.1:9/hook";

    private static Response subscribe(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/v1/webhooks");
    }

    private static Map<String, Object> body(Object eventTypes, Map<String, Object> filters) {
        Map<String, Object> b = new HashMap<>();
        b.put("url", RECEIVER);
        if (eventTypes != null) {
            b.put("eventTypes", eventTypes);
        }
        if (filters != null) {
            b.put("filters", filters);
        }
        return b;
    }

    @Test
    void a_null_point_class_is_a_400_not_a_500() {
        subscribe(body(List.of("camera.offline"), Map.of("pointClasses", Arrays.asList(1, null)))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("filters.pointClasses"));
    }

    @Test
    void site_categories_are_a_closed_set_and_a_huge_one_is_not_stored_or_echoed() {
        Response r = subscribe(body(List.of("site.uncovered"), Map.of("siteCategories", List.of("x".repeat(1_000_000)))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo("filters.siteCategories");
        assertThat(r.asString().length()).as("the answer does not repeat the megabyte").isLessThan(2_000);
        subscribe(body(List.of("site.uncovered"), Map.of("siteCategories", List.of("school_perimeter")))).then().statusCode(201)
                .body("filters.siteCategories", equalTo(List.of("SCHOOL_PERIMETER")));
    }

    @Test
    void star_or_no_event_types_subscribe_to_everything_an_alerting_system_can_receive() {
        List<String> all = EventType.subscribableNames();
        assertThat(all).contains("camera.flapping", "area.recovered", "site.covered", "checkpoint.stale").doesNotContain("webhook.test");
        List<String> star = subscribe(body(List.of("*"), null)).then().statusCode(201).extract().jsonPath().getList("eventTypes");
        assertThat(star).containsExactlyInAnyOrderElementsOf(all);
        List<String> omitted = subscribe(body(null, null)).then().statusCode(201).extract().jsonPath().getList("eventTypes");
        assertThat(omitted).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void webhook_test_is_sent_by_test_send_only_and_the_error_says_what_can_be_named() {
        subscribe(body(List.of("webhook.test"), null)).then().statusCode(400).body("errors[0].field", equalTo("eventTypes"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("camera.offline"));
    }
}
