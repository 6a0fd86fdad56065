package city.vigil.access;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.testsupport.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document, called without credentials, with a key one role below the one it declares,
 * with its own role and as an admin: 401 (or the login page), 403, and neither for the last two. The operations come
 * from the live document, so a new endpoint without a declared role fails here rather than shipping open.
 */
@QuarkusTest
@TestProfile(AccessTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class RoleMatrixTest {
    /** The only operations anyone may call: the login page and its form. */
    private static final List<String> PUBLIC = List.of("GET /login", "POST /login");

    @Inject
    ApiKeys keys;
    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    record Operation(String method, String path, Optional<Role> role, String contentType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationAnswersAsItsDeclaredRoleSays() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(80);
        assertThat(operations.stream().filter(o -> o.role().isEmpty()).map(Operation::toString)).as("operations without a declared role")
                .containsExactlyInAnyOrderElementsOf(PUBLIC);
        Map<Role, String> keyOf = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            keyOf.put(r, Credentials.key(keys, r));
        }
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (op.role().isEmpty()) {
                continue;
            }
            Role role = op.role().get();
            int anonymous = call(op, null).statusCode();
            boolean toLogin = anonymous == 303;
            if (anonymous != 401 && !(toLogin && op.method().equals("GET") && !op.path().startsWith("/api/"))) {
                wrong.add(op + " without credentials answered " + anonymous);
            }
            if (role != Role.VIEWER) {
                int below = call(op, keyOf.get(Role.values()[role.ordinal() - 1])).statusCode();
                if (below != 403) {
                    wrong.add(op + " for the role below " + role.id() + " answered " + below);
                }
            }
            for (Role allowed : List.of(role, Role.ADMIN)) {
                int status = call(op, keyOf.get(allowed)).statusCode();
                if (status == 401 || status == 403 || status >= 500) {
                    wrong.add(op + " for " + allowed.id() + " answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private HttpResponse<InputStream> call(Operation op, String key) throws Exception {
        String path = op.path().replace("{code}", "449999").replace("{gbId}", "44010600001320999999").replace("{id}", "999999")
                .replace("{name}", "nobody").replace("{stream}", "main");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).header("Accept", "*/*");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        String body = op.contentType() == null ? "" : op.contentType().contains("json") ? "{}" : "";
        if (op.contentType() != null) {
            request.header("Content-Type", op.contentType());
        }
        request.method(op.method(), op.method().equals("GET") || op.method().equals("DELETE") && op.contentType() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // Headers only: an event stream never ends, and the status is all this test reads.
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response;
    }

    private List<Operation> operations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                JsonNode op = m.getValue();
                Optional<Role> role = Optional.empty();
                for (JsonNode requirement : op.path("security")) {
                    for (JsonNode roles : requirement) {
                        for (JsonNode r : roles) {
                            Optional<Role> parsed = Role.parse(r.asText());
                            if (parsed.isPresent() && (role.isEmpty() || parsed.get().ordinal() < role.get().ordinal())) {
                                role = parsed;
                            }
                        }
                    }
                }
                Iterator<String> types = op.path("requestBody").path("content").fieldNames();
                out.add(new Operation(m.getKey().toUpperCase(), p.getKey(), role, types.hasNext() ? types.next() : null));
            }
        }
        return out;
    }

}
