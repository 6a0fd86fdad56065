package city.vigil.dashboard;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.deep.DeepTestProfile;
import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Browser;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import city.vigil.testsupport.SimulatorTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A camera's page in a real browser with the deep tier on: its time as strips with availability, its last picture
 * and diagnosis, and the three actions an operator takes from it: check now, acknowledge, schedule maintenance.
 */
@QuarkusTest
@TestProfile(DeepTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class CameraPageTest extends SimulatorTest {
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser("en-US", 1600, 1400);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private static String register(Scenario scenario, String name) {
        String id = cameras.add(scenario);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        return Fixtures.create(Fixtures.with(camera, "name", name));
    }

    private static String state(String gbId) {
        return given().get("/api/v1/cameras/{id}/status", gbId).then().extract().jsonPath().getString("state");
    }

    @Test
    void checks_a_healthy_camera_now_and_shows_its_picture_and_diagnosis() throws Exception {
        String id = register(Scenario.HEALTHY, "珠江新城 花城广场 全景");
        await().atMost(PATIENCE).until(() -> "ONLINE".equals(state(id)));

        WebDriver page = browser.driver();
        page.get(root + "cameras/" + id + "?lang=en");
        browser.clickAndLoad(page.findElement(By.id("check-now")));
        assertThat(page.findElement(By.id("notice")).getText()).contains("Picture checked now");
        assertThat(page.findElement(By.id("diagnosis-summary")).getText()).contains("Picture OK", "h264");
        assertThat(page.findElements(By.cssSelector("#verdicts tbody tr"))).isNotEmpty();
        WebElement snapshot = page.findElement(By.cssSelector("#snapshot img"));
        assertThat((Boolean) ((JavascriptExecutor) page).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", snapshot))
                .as("the snapshot is a picture the browser could decode").isTrue();
        assertThat(page.findElement(By.cssSelector("#snapshot figcaption")).getText()).contains("captured").doesNotContain("stale");
        List<WebElement> strips = page.findElements(By.cssSelector("#state-strips tr"));
        assertThat(strips).extracting(r -> r.getAttribute("data-period")).containsExactly("24h", "7d", "30d");
        assertThat(strips.get(0).findElements(By.cssSelector("rect.cat.UP"))).as("its time up is drawn").isNotEmpty();
        assertThat(strips.get(0).getText()).contains("Availability 100.0%");
        browser.screenshot("camera-healthy");
    }

    @Test
    void acknowledges_its_outage_and_schedules_maintenance_from_the_page() throws Exception {
        String id = register(Scenario.REFUSED, "天河北路 人行天桥 东");
        await().atMost(PATIENCE).until(() -> "OFFLINE".equals(state(id)));
        await().atMost(PATIENCE).until(() -> given().queryParam("gbId", id).queryParam("open", true).get("/api/v1/outages").then().extract()
                .jsonPath().getList("items").size() == 1);

        WebDriver page = browser.driver();
        page.get(root + "cameras/" + id + "?lang=en");
        assertThat(page.findElement(By.id("camera-state")).getText()).contains("Offline", "Connection refused");
        WebElement down = page.findElement(By.cssSelector("#state-strips tr[data-period='24h']"));
        assertThat(down.findElements(By.cssSelector("rect.cat.DOWN"))).as("its time down is drawn in red").isNotEmpty();

        WebElement ack = page.findElement(By.id("ack-form"));
        ack.findElement(By.name("by")).sendKeys("值班员 李四");
        ack.findElement(By.name("note")).sendKeys("光纤中断，已报修");
        browser.clickAndLoad(ack.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElement(By.id("notice")).getText()).contains("Outage acknowledged");
        assertThat(page.findElement(By.id("outage-log")).getText()).contains("Acknowledged by 值班员 李四: 光纤中断，已报修");
        assertThat(page.findElements(By.id("ack-form"))).as("nothing left to acknowledge").isEmpty();

        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        WebElement maintenance = page.findElement(By.id("maintenance-form"));
        maintenance.findElement(By.name("by")).sendKeys("运维一队");
        maintenance.findElement(By.name("reason")).sendKeys("更换光纤");
        JavascriptExecutor js = (JavascriptExecutor) page;
        js.executeScript("arguments[0].value = arguments[1]", maintenance.findElement(By.name("startsAt")), start.toString());
        js.executeScript("arguments[0].value = arguments[1]", maintenance.findElement(By.name("endsAt")), start.plusHours(2).toString());
        browser.clickAndLoad(maintenance.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElement(By.id("notice")).getText()).contains("Maintenance scheduled");
        assertThat(page.findElement(By.id("maintenance-list")).getText()).contains("更换光纤", "运维一队");
        List<Map<String, Object>> windows = given().get("/api/v1/maintenance-windows").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(windows).anySatisfy(w -> {
            assertThat(w.get("gbIds")).isEqualTo(List.of(id));
            assertThat(w.get("startsAt")).isEqualTo(start.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString());
        });
        browser.screenshot("camera-acknowledged-maintenance");

        // A window that ends before it starts is refused beside the form, not half-written.
        page.get(root + "cameras/" + id + "?lang=en");
        maintenance = page.findElement(By.id("maintenance-form"));
        maintenance.findElement(By.name("by")).sendKeys("运维一队");
        maintenance.findElement(By.name("reason")).sendKeys("倒序");
        js.executeScript("arguments[0].value = arguments[1]", maintenance.findElement(By.name("startsAt")), start.plusHours(5).toString());
        js.executeScript("arguments[0].value = arguments[1]", maintenance.findElement(By.name("endsAt")), start.plusHours(4).toString());
        browser.clickAndLoad(maintenance.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("✖ Not done: endsAt must be after startsAt");
        assertThat(page.findElement(By.id("maintenance-list")).getText()).doesNotContain("倒序");
    }
}
