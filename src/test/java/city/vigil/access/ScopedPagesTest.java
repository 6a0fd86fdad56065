package city.vigil.access;

import static city.vigil.access.Credentials.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.testsupport.Browser;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A district's operator in a real browser: logs in with a one-time password, chooses their own, sees only their
 * district on every page, and logs out.
 */
@QuarkusTest
@TestProfile(AccessTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class ScopedPagesTest {

    @Inject
    ApiKeys keys;
    @Inject
    Users users;
    @TestHTTPResource("/")
    URL root;

    @Test
    void aTianheOperatorLogsInSeesOnlyTianheOnEveryPageAndLogsOut() throws Exception {
        String admin = Credentials.key(keys, Role.ADMIN);
        String tianhe = Fixtures.cameraId();
        String liwan = Fixtures.gbId("44010300", "00", "132");
        as(admin).contentType(ContentType.JSON).body(Fixtures.with(Fixtures.camera(tianhe), "name", "天河测试点位")).post("/api/v1/cameras").then().statusCode(201);
        as(admin).contentType(ContentType.JSON).body(Fixtures.with(Fixtures.with(Fixtures.camera(liwan), "name", "荔湾测试点位"), "areaCode", "440103"))
                .post("/api/v1/cameras").then().statusCode(201);
        users.create(Caller.open(), new UserRequest("tianhe.op", "Kx7!mQ2#vR9$once", "operator", List.of("440106"), null));

        try (Browser browser = new Browser("zh-CN", 1600, 1000)) {
            ChromeDriver page = browser.driver();
            page.get(new URL(root, "/outages").toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> page.getCurrentUrl().contains("/login"));
            browser.screenshot("login");
            page.findElement(By.id("name")).sendKeys("tianhe.op");
            page.findElement(By.id("password")).sendKeys("wrong password");
            browser.clickAndLoad(page.findElement(By.id("log-in")));
            assertThat(page.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");

            page.findElement(By.id("name")).sendKeys("tianhe.op");
            page.findElement(By.id("password")).sendKeys("Kx7!mQ2#vR9$once");
            browser.clickAndLoad(page.findElement(By.id("log-in")));
            assertThat(page.getCurrentUrl()).as("a one-time password opens only its change").endsWith("/account/password");
            page.findElement(By.id("current-password")).sendKeys("Kx7!mQ2#vR9$once");
            page.findElement(By.id("new-password")).sendKeys("Tianhe-Duty-Desk-2026");
            browser.clickAndLoad(page.findElement(By.id("change-password")));
            assertThat(page.findElements(By.id("password-changed"))).hasSize(1);

            for (String path : List.of("/", "/outages", "/map", "/wall", "/wall?rotate=1", "/areas/440106", "/cameras/" + tianhe)) {
                page.get(new URL(root, path).toString());
                String html = page.getPageSource();
                assertThat(html).as(path).doesNotContain("荔湾").doesNotContain("越秀").doesNotContain(liwan);
                if (path.equals("/") || path.startsWith("/areas") || path.startsWith("/wall")) {
                    assertThat(html).as(path + " shows the operator's district").contains("天河区");
                }
            }
            page.get(new URL(root, "/").toString());
            assertThat(page.findElement(By.id("me")).getText()).isEqualTo("tianhe.op");
            browser.screenshot("scoped-operator-overview");
            for (String foreign : List.of("/areas/440103", "/cameras/" + liwan, "/outages?area=440103", "/map?area=440103", "/wall?area=440103")) {
                page.get(new URL(root, foreign).toString());
                assertThat(page.getPageSource()).as(foreign).contains("404").doesNotContain("荔湾测试点位").doesNotContain("荔湾区");
            }

            page.get(new URL(root, "/").toString());
            browser.clickAndLoad(page.findElement(By.id("log-out")));
            assertThat(page.getCurrentUrl()).contains("/login");
            page.get(new URL(root, "/areas/440106").toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> page.getCurrentUrl().contains("/login?next="));
        }
        // The API answers the same for the same person: their session sees their district's camera and not the other.
        Credentials.Session session = Credentials.session("tianhe.op", "Tianhe-Duty-Desk-2026");
        session.spec().get("/api/v1/cameras/" + tianhe).then().statusCode(200);
        session.spec().get("/api/v1/cameras/" + liwan).then().statusCode(404);
        assertThat(session.spec().get("/api/v1/cameras?limit=500").then().extract().jsonPath().getList("items.gbId", String.class))
                .contains(tianhe).doesNotContain(liwan);
        assertThat(session.spec().body(Map.of()).get("/dashboard/overview.json?area=440106").asString()).doesNotContain("荔湾");
    }
}
