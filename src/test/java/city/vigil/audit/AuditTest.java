package city.vigil.audit;

import static city.vigil.access.Credentials.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.access.AccessTestProfile;
import city.vigil.access.ApiKeys;
import city.vigil.access.Credentials;
import city.vigil.access.Role;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change leaves one row saying who, from where, what, before and after; nobody can rewrite the rows. */
@QuarkusTest
@TestProfile(AccessTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class AuditTest {

    @Inject
    ApiKeys keys;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyWriteOperationOfTheApiLeavesExactlyOneRow() throws Exception {
        String admin = Credentials.key(keys, Role.ADMIN);
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        List<String> wrong = new ArrayList<>();
        int writes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                String method = m.getKey().toUpperCase();
                if (method.equals("GET") || p.getKey().endsWith("/heartbeats")) {
                    continue;
                }
                writes++;
                String path = p.getKey().replace("{code}", "449999").replace("{gbId}", "44010600001320999999").replace("{id}", "999999")
                        .replace("{name}", "nobody").replace("{stream}", "main");
                Iterator<String> types = m.getValue().path("requestBody").path("content").fieldNames();
                String type = types.hasNext() ? types.next() : null;
                String requestId = "audit-" + UUID.randomUUID();
                var request = as(admin).header("X-Request-Id", requestId);
                if (type != null) {
                    request.contentType(type).body(type.contains("json") ? "{}" : "");
                }
                var response = request.request(method, path);
                if (!requestId.equals(response.getHeader("X-Request-Id"))) {
                    wrong.add(method + " " + path + ": no X-Request-Id echoed");
                }
                int rows = rows("SELECT count(*) FROM audit_event WHERE request_id = ?", requestId);
                if (rows != 1) {
                    wrong.add(method + " " + p.getKey() + " (" + response.statusCode() + ") left " + rows + " audit rows");
                }
            }
        }
        assertThat(writes).isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aChangeIsRecordedWithWhoFromWhereBeforeAndAfter() {
        String admin = Credentials.key(keys, Role.ADMIN);
        String actor = "key:" + admin.substring(0, admin.indexOf('_', 4));
        String gbId = Fixtures.cameraId();
        Map<String, Object> camera = Fixtures.camera(gbId);
        as(admin).contentType(ContentType.JSON).body(camera).post("/api/v1/cameras").then().statusCode(201);
        as(admin).contentType(ContentType.JSON).body(Fixtures.with(camera, "name", "改名后的摄像机")).put("/api/v1/cameras/" + gbId).then().statusCode(200);
        as(admin).delete("/api/v1/cameras/" + gbId).then().statusCode(204);

        JsonPath log = as(admin).queryParam("actor", actor).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.action", String.class)).containsExactly("DELETE /api/v1/cameras/{gbId}", "PUT /api/v1/cameras/{gbId}",
                "POST /api/v1/cameras");
        assertThat(log.getList("items.target", String.class)).containsExactly("/api/v1/cameras/" + gbId, "/api/v1/cameras/" + gbId, "/api/v1/cameras");
        assertThat(log.getList("items.source", String.class)).containsOnly("127.0.0.1");
        assertThat(log.getList("items.outcome", Integer.class)).containsExactly(204, 200, 201);
        assertThat(log.getString("items[2].before")).isNull();
        assertThat(log.getString("items[2].after.name")).isEqualTo(camera.get("name"));
        assertThat(log.getString("items[1].before.name")).isEqualTo(camera.get("name"));
        assertThat(log.getString("items[1].after.name")).isEqualTo("改名后的摄像机");
        assertThat(log.getString("items[0].before.name")).isEqualTo("改名后的摄像机");
        assertThat(log.getString("items[0].after")).isNull();
    }

    @Test
    void secretsAndPasswordsNeverReachTheLog() throws SQLException {
        String admin = Credentials.key(keys, Role.ADMIN);
        String created = as(admin).contentType(ContentType.JSON).body(Map.of("name", "告警平台", "role", "integrator")).post("/api/v1/keys")
                .then().statusCode(201).extract().path("key");
        Credentials.logIn("no.such.person", "a-secret-guess-123");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, '') || actor, ' ') FROM audit_event")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain(created.substring(created.indexOf('_', 4) + 1)).doesNotContain("a-secret-guess-123");
        }
        JsonPath failed = as(admin).queryParam("actor", "login:no.such.person").get("/api/v1/audit").then().extract().jsonPath();
        assertThat(failed.getInt("items[0].outcome")).isEqualTo(401);
        assertThat(failed.getString("items[0].after.outcome")).isEqualTo("refused");
    }

    @Test
    void aRefusedWriteIsRecordedToo() {
        String requestId = "refused-" + UUID.randomUUID();
        given().header("Authorization", "Bearer vgl_guessed_secret").header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Fixtures.camera(Fixtures.cameraId())).post("/api/v1/cameras").then().statusCode(401);
        // Refused before a worker thread took the request: the row is written off the event loop, so await it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                rows("SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 401 AND actor = 'anonymous'", requestId) == 1);
    }

    @Test
    void nobodyCanChangeOrDeleteTheLog() {
        String admin = Credentials.key(keys, Role.ADMIN);
        as(admin).delete("/api/v1/audit").then().statusCode(405);
        as(admin).contentType(ContentType.JSON).body("{}").put("/api/v1/audit").then().statusCode(405);
        assertThatThrownBy(() -> rows("UPDATE audit_event SET actor = 'someone else' RETURNING 1", null)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> rows("DELETE FROM audit_event RETURNING 1", null)).hasMessageContaining("append-only");
    }

    @Test
    void aDistrictsAdminReadsWhatItsDistrictsCallersDidAndNothingElse() {
        String city = Credentials.key(keys, Role.ADMIN);
        String tianhe = Credentials.key(keys, Role.ADMIN, "440106");
        as(city).contentType(ContentType.JSON).body(Map.of("name", "city-wide", "role", "viewer")).post("/api/v1/keys").then().statusCode(201);
        as(tianhe).contentType(ContentType.JSON).body(Map.of("name", "tianhe", "role", "viewer", "areas", List.of("440106"))).post("/api/v1/keys")
                .then().statusCode(201);
        List<String> actors = as(tianhe).queryParam("limit", 500).get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.actor", String.class);
        assertThat(actors).contains("key:" + tianhe.substring(0, tianhe.indexOf('_', 4)))
                .doesNotContain("key:" + city.substring(0, city.indexOf('_', 4)));
        String viewer = Credentials.key(keys, Role.VIEWER);
        as(viewer).get("/api/v1/audit").then().statusCode(403);
        as(city).get("/audit").then().statusCode(200).body(org.hamcrest.Matchers.containsString("POST /api/v1/keys"));
        as(viewer).get("/audit").then().statusCode(403);
        given().get("/api/v1/audit").then().statusCode(401).body("status", equalTo(401));
    }

    private int rows(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (param != null) {
                s.setString(1, param);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
