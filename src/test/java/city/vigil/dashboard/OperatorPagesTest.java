package city.vigil.dashboard;

import static city.vigil.testsupport.Patience.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.Browser;
import city.vigil.testsupport.CuttableProxy;
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

/**
 * The outage desk, the camera page and the wall in a real browser, on simulator cameras the monitor probes: a group of
 * outages acknowledged with one note, a click path from the city to a camera, and a wall that raises its class-1 alarm
 * and says when its figures are stale.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class OperatorPagesTest extends SimulatorTest {
    /** The test profile's page size, small so that a few cameras make pages. */
    private static final int PAGE_SIZE = 5;
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

    /** The down list's rows as (GB ID, text), read in one go: the live panels may be swapped in between two reads. */
    @SuppressWarnings("unchecked")
    private static List<String[]> rows(WebDriver page) {
        List<List<String>> rows = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return Array.from(document.querySelectorAll('#down-list tbody tr')).map(r => [r.getAttribute('data-gb-id'), r.innerText]);");
        return rows.stream().map(r -> r.toArray(new String[0])).toList();
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
        browser.clickAndLoad(group.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElement(By.id("notice")).getText()).contains("outages acknowledged");
        WebElement acked = page.findElement(By.cssSelector("details[data-cause='NOT_FOUND']"));
        if (acked.getAttribute("open") == null) {
            acked.findElement(By.tagName("summary")).click();
        }
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
    void goes_from_the_city_through_street_community_and_grid_to_a_down_camera_by_clicks() throws Exception {
        // A grid of its own, three levels below Tianhe, with one camera down in it.
        String street = "440106" + (800 + (int) (System.nanoTime() % 100));
        String community = street + "001";
        String grid = "G" + community + "01";
        area(street, "点击街道", "STREET", "440106");
        area(community, "点击社区", "COMMUNITY", street);
        area(grid, "点击网格", "GRID", community);
        String id = cameras.add(Scenario.REFUSED);
        Map<String, Object> camera = Fixtures.with(Fixtures.camera(id), "streams", Map.of("main", Map.of("url", sim.rtspUrl(id, Resolution.MAIN))));
        String down = Fixtures.create(Fixtures.with(Fixtures.with(camera, "name", "天河路 球机 12号"), "areaCode", grid));
        await().atMost(PATIENCE).until(() -> openOutages(down).size() == 1);

        WebDriver page = browser.driver();
        page.get(root + "?lang=zh");
        for (String code : List.of("440106", street, community, grid)) {
            click(page, By.cssSelector("#children a[href='/areas/" + code + "']"));
            assertThat(page.getCurrentUrl()).endsWith("/areas/" + code);
        }
        assertThat(page.findElement(By.id("area-name")).getText()).isEqualTo("点击网格");
        assertThat(page.findElements(By.id("children"))).as("a grid has no level below").isEmpty();
        assertThat(rows(page)).singleElement().satisfies(r -> assertThat(r[1]).contains("天河路 球机 12号", "离线", "连接被拒绝", "✖"));
        browser.screenshot("area-down-list");
        click(page, By.cssSelector("#down-list tr[data-gb-id='" + down + "'] a"));
        assertThat(page.getCurrentUrl()).endsWith("/cameras/" + down);
        assertThat(page.findElement(By.id("camera-state")).getText()).contains("离线", "连接被拒绝");
        assertThat(page.findElement(By.tagName("body")).getText()).contains(down, "故障记录", "状态时间轴");
        browser.screenshot("camera");

        // On the street's map the camera is a red cross (a mark, not only a colour), and a click opens its page.
        page.get(root + "map?area=" + street + "&lang=zh");
        await().atMost(PATIENCE).until(() -> !page.findElements(By.cssSelector("#map [data-gb-id='" + down + "']")).isEmpty());
        assertThat(page.findElement(By.cssSelector("#map text[data-gb-id='" + down + "']")).getText()).startsWith("✖");
        browser.screenshot("map-street");
        // Two more cameras in the grid make the street an outline on its district's map, shaded, its rate written in.
        for (double[] at : new double[][] {{23.140, 113.330}, {23.134, 113.333}}) {
            Map<String, Object> more = Fixtures.with(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "areaCode", grid), "lat", at[0]);
            Fixtures.create(Fixtures.with(more, "lon", at[1]));
        }
        page.get(root + "map?area=440106&lang=zh");
        await().atMost(PATIENCE).until(() -> {
            page.navigate().refresh();
            return !page.findElements(By.cssSelector("#map path.area[data-code='" + street + "']")).isEmpty();
        });
        assertThat(page.findElement(By.cssSelector("#map .labels")).getText()).contains("点击街道");
        browser.screenshot("map-district");
    }

    private static void area(String code, String name, String level, String parent) {
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("code", code, "name", name, "level", level, "parentCode", parent))
                .post("/api/v1/areas").then().statusCode(201);
    }

    /** Clicks what the selector finds, finding it again if live panels were swapped in meanwhile. */
    static void click(WebDriver page, By by) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page.findElement(by).click());
    }

    @Test
    void the_wall_raises_its_class_1_alarm_and_says_when_its_figures_are_stale() throws Exception {
        CuttableProxy proxy = new CuttableProxy(root.getPort());
        WebDriver page = browser.driver();
        page.get(proxy.url() + "wall?area=440106&lang=zh");
        String healthy = register(Scenario.HEALTHY, 1, "广州塔 全景");
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/cameras/{id}/status", healthy).then().extract().jsonPath()
                .getString("state").equals("ONLINE"));
        long downBefore = Long.parseLong(page.findElement(By.id("alarm")).getAttribute("data-alarm"));
        sim.fleet().switchTo(healthy, Scenario.REFUSED);
        // The open wall raises the alarm on its own, without a reload.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> page.findElement(By.id("alarm")).isDisplayed()
                && page.findElement(By.id("alarm")).getText().contains(String.valueOf(downBefore + 1)));
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth"))
                .as("a wall shows no scrollbars at 1080p").isTrue();
        browser.screenshot("wall-alarm");

        proxy.cut();
        await().atMost(Duration.ofSeconds(30)).until(() -> page.findElement(By.id("stale")).isDisplayed());
        browser.screenshot("wall-stale");
        proxy.mend();
        await().atMost(Duration.ofSeconds(30)).until(() -> !page.findElement(By.id("stale")).isDisplayed());
        assertThat(page.getCurrentUrl()).as("still the wall").contains("/wall");
        proxy.close();
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

    @Test
    void filters_the_down_list_by_class_and_acknowledgement_and_pages_it() throws Exception {
        List<String> class1 = List.of(register(Scenario.REFUSED, 1, "筛选 一类 甲"), register(Scenario.REFUSED, 1, "筛选 一类 乙"));
        String class3 = register(Scenario.REFUSED, 3, "筛选 三类");
        // More than a page of them (the test profile's page holds five).
        List<String> more = List.of(register(Scenario.REFUSED, 3, "筛选 三类 二"), register(Scenario.REFUSED, 3, "筛选 三类 三"),
                register(Scenario.REFUSED, 3, "筛选 三类 四"));
        await().atMost(PATIENCE).until(() -> java.util.stream.Stream.concat(java.util.stream.Stream.of(class3), java.util.stream.Stream.concat(class1.stream(), more.stream()))
                .allMatch(id -> openOutages(id).size() == 1));

        WebDriver page = browser.driver();
        page.get(root + "areas/440106?lang=zh");
        new org.openqa.selenium.support.ui.Select(page.findElement(By.name("class"))).selectByValue("1");
        browser.clickAndLoad(page.findElement(By.cssSelector("#down-filter button[type=submit]")));
        assertThat(page.getCurrentUrl()).contains("class=1");
        assertThat(rows(page)).isNotEmpty().allSatisfy(r -> assertThat(r[1]).contains("1类点"))
                .noneSatisfy(r -> assertThat(r[0]).as("class 3 filtered out").isEqualTo(class3));
        browser.screenshot("area-down-filtered");

        // Acknowledge one: "not acknowledged" drops it.
        long id = Long.parseLong(String.valueOf(openOutages(class1.get(0)).get(0).get("id")));
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("by", "值班员", "note", "已派单"))
                .post("/api/v1/outages/{id}/ack", id).then().statusCode(200);
        page.get(root + "areas/440106?lang=zh&class=1&ack=false");
        assertThat(rows(page)).extracting(r -> r[0]).contains(class1.get(1)).doesNotContain(class1.get(0));

        // Server-paged: a page holds vigil.dashboard.page-size rows, the pager walks through the rest.
        page.get(root + "areas/440106?lang=zh");
        long matching = Long.parseLong(page.findElement(By.id("down-total")).getText().replaceAll("[^0-9]", ""));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (true) {
            List<String[]> onPage = rows(page);
            assertThat(onPage.size()).isLessThanOrEqualTo(PAGE_SIZE);
            onPage.forEach(r -> seen.add(r[0]));
            List<WebElement> next = page.findElements(By.cssSelector(".pager a[rel=next]"));
            if (next.isEmpty()) {
                break;
            }
            page.get(next.get(0).getAttribute("href"));
        }
        assertThat(matching).isGreaterThan(PAGE_SIZE);
        assertThat((long) seen.size()).as("every camera down in Tianhe, each on one page (give or take one changing meanwhile)")
                .isBetween(matching - 2, matching + 2);

        // A wrong filter is a clear 400 naming the field, never a 500.
        given().queryParam("class", "7").get("/areas/440106").then().statusCode(400).contentType(city.vigil.platform.Problem.MEDIA_TYPE)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("class"));
    }

    @Test
    void the_outage_desk_shows_what_was_resolved_today_and_the_time_to_repair_by_district() throws Exception {
        String back = register(Scenario.HEALTHY, 2, "今日恢复 测试");
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/cameras/{id}/status", back).then().extract().jsonPath().getString("state")
                .equals("ONLINE"));
        sim.fleet().switchTo(back, Scenario.REFUSED);
        await().atMost(PATIENCE).until(() -> openOutages(back).size() == 1);
        sim.fleet().switchTo(back, Scenario.HEALTHY);
        await().atMost(PATIENCE).until(() -> openOutages(back).isEmpty());

        WebDriver page = browser.driver();
        page.get(root + "outages?lang=zh");
        assertThat(page.findElement(By.id("resolved-list")).getText()).contains(back);
        assertThat(Long.parseLong(page.findElement(By.id("resolved-count")).getText())).isPositive();
        WebElement tianhe = page.findElement(By.cssSelector("#mttr-table tr[data-key='440106']"));
        String api = given().queryParam("groupBy", "district").queryParam("from", java.time.Instant.now().minus(Duration.ofDays(7)).toString())
                .get("/api/v1/availability").then().statusCode(200).extract().jsonPath()
                .getString("groups.find { it.key == '440106' }.mttrSeconds");
        assertThat(api).as("the API knows Tianhe's repair time").isNotNull();
        assertThat(tianhe.findElement(By.cssSelector("[data-f=mttr]")).getText()).matches("\\d\\d:\\d\\d:\\d\\d|\\d+d \\d\\d:\\d\\d");
        browser.screenshot("outages-resolved-mttr");
    }
}
