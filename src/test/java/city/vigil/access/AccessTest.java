package city.vigil.access;

import static city.vigil.access.Credentials.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Logins, sessions, CSRF, lockout and API keys, attacked the way a hostile integrator or a web page elsewhere would. */
@QuarkusTest
@TestProfile(AccessTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class AccessTest {

    @Inject
    ApiKeys keys;
    @Inject
    Users users;

    @Test
    void nothingWithoutCredentialsAnApiCallerGetsAProblemAndABrowserTheLoginPage() {
        given().get("/api/v1/cameras").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(Fixtures.camera(Fixtures.cameraId())).post("/api/v1/cameras").then().statusCode(401);
        given().redirects().follow(false).accept("text/html").get("/areas/440106?class=1").then().statusCode(303)
                .header("Location", equalTo("http://localhost:" + io.restassured.RestAssured.port + "/login?next=%2Fareas%2F440106%3Fclass%3D1"));
        given().header("Authorization", "Bearer vgl_made_up").get("/api/v1/cameras").then().statusCode(401);
    }

    @Test
    void theFirstAdminsOneTimePasswordOpensOnlyThePasswordChange() throws Exception {
        List<String> file = Files.readAllLines(Path.of(AccessTestProfile.PASSWORD_FILE));
        assertThat(file.get(0)).isEqualTo("admin");
        Response in = Credentials.logIn("admin", file.get(1));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.getHeader("Location")).endsWith("/account/password");
        Credentials.Session s = new Credentials.Session(in.getCookie(CallerAuthentication.SESSION_COOKIE), null);
        s.spec().get("/api/v1/cameras").then().statusCode(403).body("detail", containsString("one-time password"));
        s.spec().redirects().follow(false).accept("text/html").get("/").then().statusCode(303).header("Location", endsWithPath("/account/password"));

        String csrf = s.spec().get("/api/v1/me").then().statusCode(200).body("mustChangePassword", equalTo(true)).extract().path("csrfToken");
        s.spec().contentType("application/x-www-form-urlencoded").formParams(Map.of("_csrf", csrf, "currentPassword", file.get(1),
                "newPassword", "short")).post("/account/password").then().statusCode(400).body(containsString("at least 12"));
        s.spec().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParams(Map.of("_csrf", csrf,
                "currentPassword", file.get(1), "newPassword", "Long-enough-Pw-7")).post("/account/password").then().statusCode(303);
        s.spec().get("/api/v1/cameras").then().statusCode(200);
        assertThat(Credentials.logIn("admin", file.get(1)).statusCode()).as("the one-time password is gone").isEqualTo(401);
    }

    @Test
    void aLoginIssuesANewHardenedSessionAndLogoutEndsItOnTheServer() {
        Credentials.Session before = Credentials.user(users, "li.fixation", Role.VIEWER);
        // An id planted in the browser before the login is ended by the login, never promoted to a session.
        Response in = given().redirects().follow(false).cookie(CallerAuthentication.SESSION_COOKIE, before.id()).get("/login");
        String token = in.htmlPath().getString("**.find { it.@name == '_login' }.@value");
        Response login = given().redirects().follow(false).cookie("vigil_login", in.getCookie("vigil_login"))
                .cookie(CallerAuthentication.SESSION_COOKIE, before.id()).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("name", "li.fixation", "password", "Own-Zq9#wP4&tL6", "_login", token, "next", "/cameras/x")).post("/login");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.getHeader("Location")).endsWith("/cameras/x");
        String after = login.getCookie(CallerAuthentication.SESSION_COOKIE);
        assertThat(after).isNotEqualTo(before.id());
        assertThat(login.getDetailedCookie(CallerAuthentication.SESSION_COOKIE).isHttpOnly()).isTrue();
        assertThat(login.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith(CallerAuthentication.SESSION_COOKIE + "=") && c.contains("SameSite=Lax"));
        before.spec().get("/api/v1/me").then().statusCode(401);

        Credentials.Session session = new Credentials.Session(after, null);
        String csrf = session.spec().get("/api/v1/me").then().statusCode(200).body("name", equalTo("user:li.fixation")).extract().path("csrfToken");
        session.spec().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf).post("/logout")
                .then().statusCode(303);
        session.spec().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aNextParameterCannotSendThePersonToAnotherSite() {
        given().get("/login?next=//evil.example/x").then().statusCode(200).body(containsString("name=\"next\" value=\"/\""));
        given().get("/login?next=https://evil.example/").then().statusCode(200).body(containsString("name=\"next\" value=\"/\""));
        // A next that is no URI at all (as typed by hand) logs the person in on the home page; it once made the login a 500.
        Credentials.user(users, "wang.next", Role.VIEWER);
        Response login = Credentials.logIn("wang.next", "Own-Zq9#wP4&tL6", "/cameras/{x} y");
        assertThat(login.statusCode()).as(login.asString()).isEqualTo(303);
        assertThat(login.getHeader("Location")).endsWith("/");
    }

    @Test
    void changesMadeWithASessionNeedItsCsrfToken() {
        Credentials.Session op = Credentials.user(users, "zhang.csrf", Role.OPERATOR);
        Map<String, Object> window = Map.of("cameras", List.of(), "areaCode", "440106", "reason", "检修", "startsAt", Instant.now().plusSeconds(3600).toString(),
                "endsAt", Instant.now().plusSeconds(7200).toString());
        // What a page on another site could make the browser send: the cookie, without the token.
        op.spec().contentType(ContentType.JSON).body(window).post("/api/v1/maintenance-windows").then().statusCode(403)
                .body("detail", containsString("CSRF"));
        op.spec().header(CallerAuthentication.CSRF_HEADER, "guess").contentType(ContentType.JSON).body(window).post("/api/v1/maintenance-windows")
                .then().statusCode(403);
        op.spec().header(CallerAuthentication.CSRF_HEADER, op.csrf()).contentType(ContentType.JSON).body(window).post("/api/v1/maintenance-windows")
                .then().statusCode(not(403));
        // The pages' forms: a form post without _csrf is refused before it acknowledges anything.
        op.spec().contentType("application/x-www-form-urlencoded").formParams(Map.of("cause", "TIMEOUT", "note", "派单"))
                .post("/outages/acknowledge").then().statusCode(403);
        op.spec().contentType("application/x-www-form-urlencoded").formParams(Map.of("name", "x")).post("/logout").then().statusCode(403);
        // A login form posted from elsewhere has no token bound to this browser.
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("name", "zhang.csrf", "password", "Own-Zq9#wP4&tL6", "_login", "t"))
                .post("/login").then().statusCode(403);
        // A key is never sent by a browser on its own: no token needed.
        String key = Credentials.key(keys, Role.OPERATOR);
        as(key).contentType(ContentType.JSON).body(window).post("/api/v1/maintenance-windows").then().statusCode(not(403));
    }

    @Test
    void repeatedFailuresMakeTheAccountWaitEvenForTheRightPassword() {
        users.create(Caller.open(), new UserRequest("wang.guess", "Right-Pass-Word-9", Role.VIEWER.id(), List.of(), null));
        Response unknown = Credentials.logIn("no.such.user", "whatever-password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        for (int i = 0; i < 4; i++) {
            Response wrong = Credentials.logIn("wang.guess", "guess-" + i);
            assertThat(wrong.statusCode()).as("a wrong password answers like an unknown user").isEqualTo(401);
            assertThat(wrong.body().asString()).contains("用户名或密码错误");
        }
        Response fifth = Credentials.logIn("wang.guess", "guess-5");
        assertThat(fifth.statusCode()).isEqualTo(429);
        Response right = Credentials.logIn("wang.guess", "Right-Pass-Word-9");
        assertThat(right.statusCode()).as("while locked, even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(right.getHeader("Retry-After"))).isBetween(1L, 31L);
        assertThat(right.getCookie(CallerAuthentication.SESSION_COOKIE)).isNull();
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndCanBeRotatedAndRevoked() {
        String admin = Credentials.key(keys, Role.ADMIN);
        Response created = as(admin).contentType(ContentType.JSON).body(Map.of("name", "报警平台", "role", "integrator")).post("/api/v1/keys");
        created.then().statusCode(201).body("key", startsWith("vgl_")).body("view.state", equalTo("ACTIVE"));
        String key = created.path("key");
        long id = ((Number) created.path("view.id")).longValue();
        as(admin).get("/api/v1/keys/" + id).then().statusCode(200).body("key", nullValue()).body("prefix", equalTo(key.substring(0, key.indexOf('_', 4))))
                .body(not(containsString(key.substring(key.indexOf('_', 4) + 1))));
        as(key).get("/api/v1/outages").then().statusCode(200);
        as(admin).get("/api/v1/keys/" + id).then().body("lastUsedAt", notNullValue());

        Response rotated = as(admin).post("/api/v1/keys/" + id + "/rotate");
        rotated.then().statusCode(201);
        String replacement = rotated.path("key");
        as(key).get("/api/v1/outages").then().statusCode(200);
        as(replacement).get("/api/v1/outages").then().statusCode(200);
        Instant graceEnd = Instant.parse(as(admin).get("/api/v1/keys/" + id).then().body("state", equalTo("EXPIRING")).extract().path("expiresAt"));
        assertThat(graceEnd).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        as(admin).post("/api/v1/keys/" + id + "/revoke").then().statusCode(200).body("state", equalTo("REVOKED"));
        as(key).get("/api/v1/outages").then().statusCode(401);
        as(replacement).get("/api/v1/outages").then().statusCode(200);
    }

    @Test
    void aKeyStopsWorkingWhenItExpires() {
        String admin = Credentials.key(keys, Role.ADMIN);
        String key = as(admin).contentType(ContentType.JSON).body(Map.of("name", "short", "role", "viewer", "expiresAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/keys").then().statusCode(201).extract().path("key");
        as(key).get("/api/v1/cameras").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(key).get("/api/v1/cameras").statusCode() == 401);
    }

    @Test
    void stateRoleAndScopeAreNeverClientWritableBeyondTheCallersOwn() {
        String admin = Credentials.key(keys, Role.ADMIN);
        as(admin).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "viewer", "lastUsedAt", "2020-01-01T00:00:00Z")).post("/api/v1/keys")
                .then().statusCode(400);
        as(admin).contentType(ContentType.JSON).body(Map.of("name", "zhao.mass", "password", "Mass-Assign-Pw-1", "role", "viewer",
                "failedLogins", 0, "mustChangePassword", false)).post("/api/v1/users").then().statusCode(400);
        as(admin).contentType(ContentType.JSON).body(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "state", "ONLINE")).post("/api/v1/cameras")
                .then().statusCode(400);
        // A district's admin hands out no more than its district, and nothing above its role.
        String tianhe = Credentials.key(keys, Role.ADMIN, "440106");
        as(tianhe).contentType(ContentType.JSON).body(Map.of("name", "wide", "role", "viewer")).post("/api/v1/keys").then().statusCode(400)
                .body("errors.field", hasItem("areas"));
        as(tianhe).contentType(ContentType.JSON).body(Map.of("name", "other", "role", "viewer", "areas", List.of("440103"))).post("/api/v1/keys")
                .then().statusCode(400).body("errors.field", hasItem("areas"));
        as(tianhe).contentType(ContentType.JSON).body(Map.of("name", "own", "role", "viewer", "areas", List.of("440106"))).post("/api/v1/keys")
                .then().statusCode(201);
        as(admin).contentType(ContentType.JSON).body(Map.of("name", "nowhere", "role", "viewer", "areas", List.of("449999"))).post("/api/v1/keys")
                .then().statusCode(400).body("errors.field", hasItem("areas"));
        String operator = Credentials.key(keys, Role.OPERATOR);
        as(operator).contentType(ContentType.JSON).body(Map.of("name", "up", "role", "admin")).post("/api/v1/keys").then().statusCode(403);
        as(tianhe).get("/api/v1/keys").then().statusCode(200).body("items.areas", everyItem(equalTo(List.of("440106"))));
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptAndRefuseFraming() {
        String viewer = Credentials.key(keys, Role.VIEWER);
        Response page = as(viewer).get("/areas/440106");
        page.then().statusCode(200);
        String csp = page.getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))).doesNotContain("unsafe-inline");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body().asString()).doesNotContainPattern("<script>(?s).*</script>").doesNotContain(" onclick=");
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }
}
