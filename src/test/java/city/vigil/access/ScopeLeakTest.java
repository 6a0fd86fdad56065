package city.vigil.access;

import static city.vigil.access.Credentials.as;
import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Broken object-level authorisation, tried on every operation of the OpenAPI document: Tianhe's key calls each one
 * with Liwan's IDs, Liwan's area as every filter and Liwan's records as bodies. Nothing of Liwan may come back (no
 * name, no ID the caller did not send, no count), and nothing of Liwan may change. Then the same the other way round.
 */
@QuarkusTest
@TestProfile(AccessTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class ScopeLeakTest {
    private static final String TIANHE = "440106";
    private static final String LIWAN = "440103";

    @Inject
    ApiKeys keys;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** One district's records: what a leak would show. */
    record District(String area, String areaName, String key, Map<String, String> ids, List<String> secrets, Map<String, Object> camera) {
    }

    @Test
    void neitherDistrictsKeyReachesTheOthersRecordsThroughAnyOperation() throws Exception {
        String admin = Credentials.key(keys, Role.ADMIN);
        District tianhe = district(admin, TIANHE, "天河区", "44010600");
        District liwan = district(admin, LIWAN, "荔湾区", "44010300");
        List<String> leaks = new ArrayList<>();
        int calls = sweep(tianhe, liwan, leaks) + sweep(liwan, tianhe, leaks);
        assertThat(calls).isGreaterThan(150);
        assertThat(leaks).isEmpty();
        for (District d : List.of(tianhe, liwan)) {
            as(d.key()).get("/api/v1/cameras/" + d.ids().get("camera")).then().statusCode(200)
                    .body("name", org.hamcrest.Matchers.equalTo(d.camera().get("name")));
            as(d.key()).get("/api/v1/webhooks/" + d.ids().get("webhook")).then().statusCode(200);
            as(d.key()).get("/api/v1/sites/" + d.ids().get("site")).then().statusCode(200);
            as(d.key()).get("/api/v1/checkpoints/" + d.ids().get("checkpoint")).then().statusCode(200);
            as(d.key()).get("/api/v1/maintenance-windows/" + d.ids().get("window")).then().statusCode(200);
        }
    }

    /** Every operation as {@code caller}, aimed at {@code other}; returns how many calls were made. */
    private int sweep(District caller, District other, List<String> leaks) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                String method = m.getKey().toUpperCase();
                if (p.getKey().equals("/login") || p.getKey().equals("/logout") || p.getKey().startsWith("/api/v1/me")) {
                    continue;
                }
                String path = aim(p.getKey(), other);
                List<String> query = new ArrayList<>();
                for (JsonNode param : m.getValue().path("parameters")) {
                    if (param.path("in").asText().equals("query") && List.of("area", "under", "parent").contains(param.path("name").asText())) {
                        query.add(param.path("name").asText() + "=" + other.area());
                    }
                }
                Iterator<String> types = m.getValue().path("requestBody").path("content").fieldNames();
                String type = types.hasNext() ? types.next() : null;
                String body = type == null ? null : type.contains("json") ? body(p.getKey(), other)
                        : type.contains("form") ? "area=" + other.area() + "&cause=TIMEOUT&note=" + URLEncoder.encode("越权", StandardCharsets.UTF_8)
                        + "&reason=x&by=x" : "";
                for (String q : query.isEmpty() ? List.of("") : List.of("", "?" + String.join("&", query))) {
                    HttpResponse<String> r = call(method, path + q, type, body, caller.key());
                    calls++;
                    String text = r.body();
                    for (String secret : other.secrets()) {
                        // Decoding an ID the caller sent (its centre code names a district) is no leak.
                        if (text.contains(secret) && !p.getKey().startsWith("/api/v1/gb-ids/")) {
                            leaks.add(method + " " + path + q + " (" + r.statusCode() + ") shows " + secret);
                        }
                    }
                    if (r.statusCode() < 300) {
                        for (Map.Entry<String, String> id : other.ids().entrySet()) {
                            // Numeric ids (1, 2 …) appear in any page; those records are looked up by id above and must answer 404.
                            if (id.getValue().length() >= 8 && text.contains("\"" + id.getValue() + "\"") && !(path + q).contains(id.getValue())) {
                                leaks.add(method + " " + path + q + " (" + r.statusCode() + ") names " + id.getKey() + " " + id.getValue());
                            }
                        }
                        if (!method.equals("GET")) {
                            leaks.add(method + " " + path + q + ", aimed at " + other.area() + ", succeeded: " + r.statusCode());
                        }
                    }
                }
            }
        }
        return calls;
    }

    private static String aim(String template, District other) {
        String gbId = template.startsWith("/api/v1/checkpoints/") ? other.ids().get("checkpoint") : other.ids().get("camera");
        String code = template.startsWith("/api/v1/sites/") ? other.ids().get("site") : other.area();
        String id = template.startsWith("/api/v1/maintenance-windows/") ? other.ids().get("window")
                : template.startsWith("/api/v1/webhooks/") ? other.ids().get("webhook")
                : template.startsWith("/api/v1/outages/") ? other.ids().get("outage")
                : template.startsWith("/api/v1/keys/") ? other.ids().get("key")
                : template.startsWith("/api/v1/imports/") ? other.ids().get("import") : "1";
        return template.replace("{gbId}", gbId).replace("{code}", code).replace("{id}", id).replace("{name}", "user-" + other.area())
                .replace("{stream}", "main");
    }

    /** The other district's own record as the body, so a write would change it if the scope let it through. */
    private static String body(String template, District other) {
        Map<String, Object> b = new HashMap<>(other.camera());
        b.put("name", "越权改名");
        if (template.startsWith("/api/v1/cameras")) {
            return json(b);
        }
        return json(Map.of("areaCode", other.area(), "area", other.area(), "name", "越权", "code", other.area(), "reason", "越权",
                "filters", Map.of("area", other.area())));
    }

    private HttpResponse<String> call(String method, String path, String type, String body, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key)
                .header("Accept", "*/*");
        if (type != null) {
            r.header("Content-Type", type);
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // Event streams never end: read what arrives within a second, enough for a first event or a refusal.
        HttpResponse<InputStream> response = http.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = response.body()) {
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            bytes = stream ? readFor(in, Duration.ofSeconds(1)) : in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new HttpResponse<>() {
            public int statusCode() {
                return response.statusCode();
            }

            public HttpRequest request() {
                return response.request();
            }

            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            public java.net.http.HttpHeaders headers() {
                return response.headers();
            }

            public String body() {
                return text;
            }

            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return java.util.Optional.empty();
            }

            public URI uri() {
                return response.uri();
            }

            public HttpClient.Version version() {
                return response.version();
            }
        };
    }

    private static byte[] readFor(InputStream in, Duration time) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                    }
                }
            } catch (java.io.IOException ignored) {
                // closed below
            }
        });
        reader.start();
        reader.join(time.toMillis());
        in.close();
        synchronized (out) {
            return out.toByteArray();
        }
    }

    /** A district with one of everything, made by the city's admin, and its own admin key. */
    private District district(String admin, String area, String areaName, String centre) throws Exception {
        String key = Credentials.key(keys, Role.ADMIN, area);
        String suffix = area.substring(4);
        String cameraId = Fixtures.gbId(centre, "00", "132");
        Map<String, Object> camera = new HashMap<>(Fixtures.camera(cameraId));
        camera.put("name", "泄漏探针摄像机" + suffix);
        camera.put("areaCode", area);
        camera.put("maintainerUnit", "泄漏探针运维" + suffix);
        as(admin).contentType(ContentType.JSON).body(camera).post("/api/v1/cameras").then().statusCode(201);
        String checkpoint = Fixtures.gbId(centre, "05", "121");
        as(admin).contentType(ContentType.JSON).body(Map.of("gbId", checkpoint, "name", "泄漏探针卡口" + suffix, "usage", 80, "lat", 23.16, "lon", 113.33,
                "placeCode", area, "areaCode", area, "lanes", List.of(Map.of("laneNo", 1)))).post("/api/v1/checkpoints").then().statusCode(201);
        String site = "LEAK-" + suffix + "-" + System.nanoTime();
        as(admin).contentType(ContentType.JSON).body(Map.of("code", site, "name", "泄漏探针学校" + suffix, "category", "SCHOOL_PERIMETER", "lat", 23.14,
                "lon", 113.33, "radiusM", 150, "areaCode", area)).post("/api/v1/sites").then().statusCode(201);
        Instant start = Instant.now().plus(Duration.ofDays(1));
        String window = String.valueOf(as(admin).contentType(ContentType.JSON).body(Map.of("reason", "泄漏探针检修" + suffix, "startsAt", start.toString(),
                "endsAt", start.plusSeconds(3600).toString(), "area", area)).post("/api/v1/maintenance-windows").then().statusCode(201)
                .extract().path("id").toString());
        String webhook = String.valueOf(as(key).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/leak-probe-" + suffix,
                "description", "泄漏探针订阅" + suffix, "filters", Map.of("area", area))).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id").toString());
        String scopedKey = as(key).contentType(ContentType.JSON).body(Map.of("name", "泄漏探针密钥" + suffix, "role", "viewer", "areas", List.of(area)))
                .post("/api/v1/keys").then().statusCode(201).extract().path("view.id").toString();
        long outage;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("INSERT INTO outage (gb_id, area_path, point_class, cause, started_at) SELECT gb_id, area_path, point_class, "
                     + "'TIMEOUT', now() - interval '5 minutes' FROM camera WHERE gb_id = '" + cameraId + "' RETURNING id")) {
            rs.next();
            outage = rs.getLong(1);
        }
        return new District(area, areaName, key, Map.of("camera", cameraId, "checkpoint", checkpoint, "site", site, "window", window, "webhook", webhook,
                "key", scopedKey, "outage", String.valueOf(outage), "import", "1"),
                List.of(areaName, "泄漏探针摄像机" + suffix, "泄漏探针运维" + suffix, "泄漏探针卡口" + suffix, "泄漏探针学校" + suffix, "泄漏探针检修" + suffix,
                        "泄漏探针订阅" + suffix, "泄漏探针密钥" + suffix, "leak-probe-" + suffix), camera);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
