package city.vigil.dashboard;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.monitor.MonitorTestProfile;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The outage desk, the camera page and the wall in a real browser, on simulator cameras the monitor probes: a group of
 * outages acknowledged with one note, a click path from the city to a camera, and a wall that raises its class-1 alarm
 * and says when its figures are stale.
 */
@QuarkusTest
@TestProfile(MonitorTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class OperatorPagesTest extends SimulatorTest {
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser("zh-CN", 1920, 1080);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private static String register(Scenario scenario, int pointClass, String name) {
        String id = cameras.add(scenario);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        camera = Fixtures.with(Fixtures.with(camera, "pointClass", pointClass), "name", name);
        return Fixtures.create(camera);
    }

    private static List<Map<String, Object>> openOutages(String gbId) {
        return given().queryParam("gbId", gbId).queryParam("open", true).get("/api/v1/outages").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    @Test
    void acknowledges_a_group_of_outages_with_one_note() throws Exception {
        String first = register(Scenario.NOT_FOUND, 2, "体育西路口 东");
        String second = register(Scenario.NOT_FOUND, 3, "体育西路口 西");
        await().atMost(PATIENCE).until(() -> openOutages(first).size() == 1 && openOutages(second).size() == 1);

        WebDriver page = browser.driver();
        page.get(root + "outages?lang=en");
        WebElement group = page.findElement(By.cssSelector("details[data-cause='NOT_FOUND']"));
        if (group.getAttribute("open") == null) {
            group.findElement(By.tagName("summary")).click();
        }
        browser.screenshot("outages-before");
        // The note is required: without it the browser will not send the form, and the server refuses it too.
        group.findElement(By.name("by")).sendKeys("值班员 张三");
        group.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(page.getCurrentUrl()).as("the browser kept the form: no note").contains("/outages?lang=en");
        assertThat(openOutages(first).get(0)).doesNotContainKey("ack");

        group = page.findElement(By.cssSelector("details[data-cause='NOT_FOUND']"));
        group.findElement(By.name("note")).sendKeys("派单至运维一队，预计两小时内到场");
        group.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(page.findElement(By.id("notice")).getText()).contains("outages acknowledged");
        WebElement acked = page.findElement(By.cssSelector("details[data-cause='NOT_FOUND']"));
        assertThat(acked.findElement(By.className("unacked")).getText()).isEqualTo("0");
        assertThat(acked.getText()).contains("Acknowledged by 值班员 张三: 派单至运维一队，预计两小时内到场");
        browser.screenshot("outages-acknowledged");
        for (String id : List.of(first, second)) {
            Map<String, Object> outage = openOutages(id).get(0);
            assertThat(outage).containsKey("ack");
            assertThat(((Map<?, ?>) outage.get("ack")).get("note")).isEqualTo("派单至运维一队，预计两小时内到场");
        }
        // The server refuses a blank note even when a client skips the browser's check.
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("cause", "NOT_FOUND", "by", "someone", "note", "  ")).post("/outages/acknowledge")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.containsString("error="));
    }

    @Test
    void goes_from_the_city_to_a_down_camera_by_clicks() throws Exception {
        String down = register(Scenario.REFUSED, 1, "天河路 球机 12号");
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/cameras/{id}/status", down).then().extract().jsonPath().getString("state")
                .equals("OFFLINE"));

        WebDriver page = browser.driver();
        page.get(root + "?lang=zh");
        page.findElement(By.cssSelector("#children a[href='/areas/440106']")).click();
        assertThat(page.getCurrentUrl()).endsWith("/areas/440106");
        WebElement row = page.findElement(By.cssSelector("#down-list tr[data-gb-id='" + down + "']"));
        assertThat(row.getText()).contains("天河路 球机 12号", "OFFLINE", "REFUSED", "✖");
        browser.screenshot("area-down-list");
        row.findElement(By.tagName("a")).click();
        assertThat(page.getCurrentUrl()).endsWith("/cameras/" + down);
        assertThat(page.findElement(By.id("camera-state")).getText()).contains("OFFLINE", "REFUSED");
        assertThat(page.findElement(By.tagName("body")).getText()).contains(down, "故障记录");
        browser.screenshot("camera");
    }

    @Test
    void the_wall_raises_its_class_1_alarm_and_says_when_its_figures_are_stale() throws Exception {
        WebDriver page = browser.driver();
        page.get(root + "wall?area=440106&lang=zh");
        String healthy = register(Scenario.HEALTHY, 1, "广州塔 全景");
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/cameras/{id}/status", healthy).then().extract().jsonPath()
                .getString("state").equals("ONLINE"));
        long downBefore = Long.parseLong(page.findElement(By.id("alarm")).getAttribute("data-alarm"));
        sim.fleet().switchTo(healthy, Scenario.REFUSED);
        // The open wall raises the alarm on its own, without a reload.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> page.findElement(By.id("alarm")).isDisplayed()
                && page.findElement(By.id("alarm")).getText().contains(String.valueOf(downBefore + 1)));
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth"))
                .as("a wall shows no scrollbars at 1080p").isTrue();
        browser.screenshot("wall-alarm");

        browser.driver().setNetworkConditions(new ChromiumNetworkConditions() {
            {
                setOffline(true);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> page.findElement(By.id("stale")).isDisplayed());
        browser.screenshot("wall-stale");
        browser.driver().deleteNetworkConditions();
        await().atMost(Duration.ofSeconds(30)).until(() -> !page.findElement(By.id("stale")).isDisplayed());
        sim.fleet().switchTo(healthy, Scenario.HEALTHY);
    }

    @Test
    void a_rotating_wall_moves_on_to_the_next_district_and_stays_a_wall() {
        String rotating = given().queryParam("area", "440106").queryParam("rotate", "1").get("/wall").then().statusCode(200).extract().asString();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("data-next=\"(\\d+)\"").matcher(rotating);
        assertThat(next.find()).as("the next district is named").isTrue();
        assertThat(next.group(1)).isNotEqualTo("440106").hasSize(6);
        assertThat(rotating).contains("data-rotate=\"1\"", "/dashboard/wall.css");
        assertThat(given().queryParam("area", "440106").get("/wall").then().statusCode(200).extract().asString())
                .as("a still wall names no next area").contains("data-next=\"\"");
    }
}
