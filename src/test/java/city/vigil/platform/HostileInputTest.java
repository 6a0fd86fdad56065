package city.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the OpenAPI document, attacked the way a fuzzer did: a NUL character in each path parameter, each
 * query parameter, a string of each JSON body and a field of each page form is a 400 problem naming the field, never a
 * 500 or text stored cut at the NUL; no value in a page form is a 500; a garbage keyset cursor is a 400; a URL past 8 KB is a 414 problem. Generated from the document, so a new
 * route is attacked without a new test.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class HostileInputTest {
    private static Map<String, Object> paths;
    private static Map<String, Object> schemas;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Read once, before the first test (RestAssured knows the test port only then). */
    @BeforeEach
    @SuppressWarnings("unchecked")
    void readTheDocument() {
        if (paths != null) {
            return;
        }
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().as(Map.class);
        paths = (Map<String, Object>) doc.get("paths");
        schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertThat(paths).as("the API has routes").hasSizeGreaterThan(30);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> operation, String in) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        return all.stream().filter(p -> in.equals(p.get("in"))).toList();
    }

    /** The path with every parameter filled: {@code value} for {@code target}, a plausible ID for the rest. */
    private static String fill(String path, String target, String value) {
        return path.replaceAll("\\{" + (target == null ? "__none__" : target) + "}", value).replaceAll("\\{[^}]+}", "44010600001320000001");
    }

    private static void assertNulRefused(Response r, String where, String field) {
        assertThat(r.statusCode()).as(where + " answered " + r.asString()).isEqualTo(400);
        assertThat(r.contentType()).as(where).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("errors[0].field")).as(where).isEqualTo(field);
        assertThat(r.jsonPath().getString("errors[0].reason")).as(where).contains("NUL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_nul_in_any_path_or_query_parameter_is_a_400_on_every_route() {
        int attacked = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (String method : METHODS) {
                Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) path.getValue()).get(method);
                if (op == null) {
                    continue;
                }
                for (Map<String, Object> p : parameters(op, "path")) {
                    String url = fill(path.getKey(), (String) p.get("name"), "x%00y");
                    assertNulRefused(given().urlEncodingEnabled(false).request(method, url), method + " " + url, "path");
                    attacked++;
                }
                for (Map<String, Object> p : parameters(op, "query")) {
                    String url = fill(path.getKey(), null, null) + "?" + p.get("name") + "=a%00b";
                    assertNulRefused(given().urlEncodingEnabled(false).request(method, url), method + " " + url, (String) p.get("name"));
                    attacked++;
                }
            }
        }
        assertThat(attacked).as("parameters attacked").isGreaterThan(100);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_nul_in_any_string_of_a_json_body_is_a_400_naming_the_field() {
        List<String> attacked = new ArrayList<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (String method : List.of("post", "put", "patch")) {
                Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) path.getValue()).get(method);
                Map<String, Object> body = op == null ? null : (Map<String, Object>) op.get("requestBody");
                Map<String, Object> content = body == null ? null : (Map<String, Object>) body.get("content");
                Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
                String field = json == null ? null : firstStringProperty((Map<String, Object>) json.get("schema"));
                if (field == null) {
                    continue;
                }
                String url = fill(path.getKey(), null, null);
                Response r = given().contentType("application/json").body(Map.of(field, "a\u0000b")).request(method, url);
                assertNulRefused(r, method + " " + url + " {" + field + "}", field);
                attacked.add(method + " " + path.getKey());
            }
        }
        assertThat(attacked).as("JSON bodies attacked").hasSizeGreaterThan(10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void no_value_in_any_field_of_a_page_form_is_a_500_and_a_nul_is_a_400_naming_the_field() {
        List<String> failed = new ArrayList<>();
        int attacked = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) path.getValue()).get("post");
            Map<String, Object> body = op == null ? null : (Map<String, Object>) op.get("requestBody");
            Map<String, Object> content = body == null ? null : (Map<String, Object>) body.get("content");
            Map<String, Object> form = content == null ? null : (Map<String, Object>) content.get("application/x-www-form-urlencoded");
            if (form == null) {
                continue;
            }
            Map<String, Object> fields = (Map<String, Object>) ((Map<String, Object>) form.get("schema")).get("properties");
            String url = fill(path.getKey(), null, null);
            for (String field : fields.keySet()) {
                for (String value : List.of("{x}", "a\u0000b", "%zz", "/a b{c}", "字".repeat(5_000))) {
                    Map<String, String> values = new java.util.HashMap<>();
                    fields.keySet().forEach(f -> values.put(f, "1"));
                    values.put(field, value);
                    Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParams(values).post(url);
                    if (value.contains("\u0000")) {
                        assertNulRefused(r, "POST " + url + " " + field, field);
                    } else if (r.statusCode() >= 500) {
                        failed.add("POST " + url + " " + field + "=" + value.substring(0, Math.min(value.length(), 12)) + " answered " + r.statusCode());
                    }
                }
                attacked++;
            }
        }
        assertThat(attacked).as("form fields attacked").isGreaterThan(10);
        assertThat(failed).as("form values that broke a page").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String firstStringProperty(Map<String, Object> schema) {
        if (schema == null) {
            return null;
        }
        Object ref = schema.get("$ref");
        if (ref != null) {
            schema = (Map<String, Object>) schemas.get(((String) ref).substring("#/components/schemas/".length()));
        }
        Map<String, Object> properties = schema == null ? null : (Map<String, Object>) schema.get("properties");
        if (properties == null) {
            return null;
        }
        return properties.entrySet().stream().filter(e -> "string".equals(((Map<String, Object>) e.getValue()).get("type")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_garbage_cursor_is_a_400_on_every_list() {
        int lists = 0;
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) path.getValue()).get("get");
            if (get == null || path.getKey().contains("{") || parameters(get, "query").stream().noneMatch(p -> "after".equals(p.get("name")))) {
                continue;
            }
            Response r = given().queryParam("after", "garbage").get(path.getKey());
            if (r.statusCode() != 400 || !"after".equals(r.jsonPath().getString("errors[0].field"))) {
                accepted.add("GET " + path.getKey() + "?after=garbage answered " + r.statusCode() + " " + r.asString());
            }
            lists++;
        }
        assertThat(lists).as("lists with a cursor").isGreaterThan(5);
        assertThat(accepted).as("lists that took a garbage cursor").isEmpty();
    }

    @Test
    void a_closed_format_parameter_is_validated() {
        given().queryParam("format", "garbage").get("/api/v1/reports/maintainer-sla").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
    }

    @Test
    void a_url_past_8_kb_is_a_414_problem() {
        Response r = given().queryParam("q", "x".repeat(9_000)).get("/api/v1/cameras");
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("8192");
    }

    @Test
    void a_form_value_that_looks_like_a_uri_template_comes_back_beside_the_form() {
        // The outage desk sends its reason back in the redirect; braces in a typed area once made that redirect a 500.
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("area", "{x}", "cause", "TIMEOUT", "by", "值班员 张三", "note", "派单")).post("/outages/acknowledge");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        String back = java.net.URLDecoder.decode(r.header("Location"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(back).contains("/outages?area={x}", "error=area area '{x}' does not exist");
    }
}
