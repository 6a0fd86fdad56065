package city.vigil.access;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Keys and logins for the access tests, made the way an admin would (through the key service and the login form). */
public final class Credentials {

    private Credentials() {
    }

    /** A new API key with this role, limited to these area codes (none: everything). */
    public static String key(ApiKeys keys, Role role, String... areas) {
        return keys.create(Caller.open(), new KeyRequest("test " + role.id() + " " + String.join(",", areas), role.id(), List.of(areas), null)).key();
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** A browser's session after logging in through the form: the session cookie, and the CSRF token of its forms. */
    record Session(String id, String csrf) {
        RequestSpecification spec() {
            return given().cookie(CallerAuthentication.SESSION_COOKIE, id);
        }
    }

    /** Logs in through /login as a browser does: fetches the form (its token and cookie), then posts it. */
    public static Response logIn(String name, String password) {
        return logIn(name, password, "/");
    }

    /** {@code next}: the page the login form was opened for. */
    static Response logIn(String name, String password, String next) {
        Response form = given().redirects().follow(false).get("/login");
        String token = form.htmlPath().getString("**.find { it.@name == '_login' }.@value");
        return given().redirects().follow(false).cookie("vigil_login", form.getCookie("vigil_login")).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("name", name, "password", password, "_login", token, "next", next)).post("/login");
    }

    static Session session(String name, String password) {
        Response in = logIn(name, password);
        String id = in.getCookie(CallerAuthentication.SESSION_COOKIE);
        if (id == null) {
            throw new AssertionError("login of " + name + " answered " + in.statusCode());
        }
        String csrf = given().cookie(CallerAuthentication.SESSION_COOKIE, id).get("/api/v1/me").then().statusCode(200).extract().path("csrfToken");
        return new Session(id, csrf);
    }

    /** A user with a password of their own (the one-time password already replaced). */
    static Session user(Users users, String name, Role role, String... areas) {
        String once = "Kx7!mQ2#vR9$once";
        users.create(Caller.open(), new UserRequest(name, once, role.id(), List.of(areas), null));
        Session first = session(name, once);
        String own = "Own-Zq9#wP4&tL6";
        first.spec().header(CallerAuthentication.CSRF_HEADER, first.csrf()).contentType("application/json")
                .body(Map.of("currentPassword", once, "newPassword", own)).post("/api/v1/me/password").then().statusCode(204);
        return new Session(first.id(), first.csrf());
    }
}
