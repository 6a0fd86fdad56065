package city.vigil.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class MaintenanceResourceTest {

    private static Map<String, Object> nightly() {
        // Tomorrow 01:00 China time: the window must still have occurrences ahead whenever the test runs.
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).plusSeconds(17 * 3600);
        Map<String, Object> w = new HashMap<>();
        w.put("reason", "夜间光缆割接");
        w.put("startsAt", start.toString());
        w.put("endsAt", start.plusSeconds(3 * 3600).toString());
        w.put("recurrence", "DAILY");
        w.put("until", start.plusSeconds(7 * 86400).toString());
        w.put("area", "440106");
        w.put("pointClasses", List.of(2, 3));
        w.put("maintainerUnit", "天河区运维一队");
        return w;
    }

    @Test
    void plans_changes_and_deletes_a_recurring_scoped_window() {
        int id = given().contentType(ContentType.JSON).body(nightly()).post("/api/v1/maintenance-windows").then().statusCode(201)
                .header("Location", notNullValue()).body("recurrence", equalTo("DAILY")).body("area", equalTo("440106"))
                .body("nextStart", notNullValue()).extract().path("id");
        String etag = given().get("/api/v1/maintenance-windows/{id}", id).then().statusCode(200).extract().header("ETag");

        Map<String, Object> changed = new HashMap<>(nightly());
        changed.put("reason", "夜间光缆割接（延期）");
        given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(changed).put("/api/v1/maintenance-windows/{id}", id)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(changed).put("/api/v1/maintenance-windows/{id}", id)
                .then().statusCode(200).body("reason", equalTo("夜间光缆割接（延期）"));
        given().queryParam("active", false).get("/api/v1/maintenance-windows").then().statusCode(200).body("items.id", hasItem(id));

        given().delete("/api/v1/maintenance-windows/{id}", id).then().statusCode(204);
        given().get("/api/v1/maintenance-windows/{id}", id).then().statusCode(404);
        given().get("/api/v1/maintenance-windows").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void a_backdated_window_is_refused_rather_than_silently_not_covering_the_time_it_names() {
        Map<String, Object> w = nightly();
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        w.put("startsAt", hourAgo.toString());
        w.put("endsAt", hourAgo.plus(3, ChronoUnit.HOURS).toString());
        w.put("recurrence", "NONE");
        w.remove("until");
        given().contentType(ContentType.JSON).body(w).post("/api/v1/maintenance-windows").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("startsAt"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("past"));
        w.put("startsAt", Instant.now().toString());
        given().contentType(ContentType.JSON).body(w).post("/api/v1/maintenance-windows").then().statusCode(201);
    }

    @Test
    void refuses_a_window_without_scope_backwards_or_longer_than_its_period_field_by_field() {
        Map<String, Object> bad = new HashMap<>();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        bad.put("startsAt", tomorrow.toString());
        bad.put("endsAt", tomorrow.plus(2, ChronoUnit.DAYS).toString());
        bad.put("recurrence", "DAILY");
        bad.put("pointClasses", List.of(5));
        bad.put("gbIds", List.of("123"));
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/maintenance-windows").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("reason", "endsAt", "gbIds[0]", "pointClasses[0]"));

        Map<String, Object> unscoped = new HashMap<>(nightly());
        unscoped.remove("area");
        unscoped.remove("pointClasses");
        unscoped.remove("maintainerUnit");
        given().contentType(ContentType.JSON).body(unscoped).post("/api/v1/maintenance-windows").then().statusCode(400)
                .body("errors[0].field", equalTo("scope"));

        Map<String, Object> backwards = new HashMap<>(nightly());
        backwards.put("endsAt", Instant.parse((String) backwards.get("startsAt")).minusSeconds(3600).toString());
        backwards.put("area", "999999");
        given().contentType(ContentType.JSON).body(backwards).post("/api/v1/maintenance-windows").then().statusCode(400)
                .body("errors.field", hasItem("endsAt"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x", "state", "ACTIVE")).post("/api/v1/maintenance-windows")
                .then().statusCode(400);
    }
}
