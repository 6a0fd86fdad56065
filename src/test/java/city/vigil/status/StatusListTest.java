package city.vigil.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status list without the monitor running: every camera is UNKNOWN, listed area by area, page by page. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class StatusListTest {

    @Test
    void pages_through_statuses_area_by_area_and_filters_by_state() {
        String tag = "status-list-" + System.nanoTime();
        List<String> created = new ArrayList<>();
        for (String area : List.of("440106", "440104", "440106")) {
            String id = Fixtures.gbId(area + "00", "00", "132");
            created.add(Fixtures.create(Fixtures.with(Fixtures.with(Fixtures.camera(id), "areaCode", area), "tags", List.of(tag))));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("tag", tag).queryParam("state", "UNKNOWN").queryParam("limit", 1);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/v1/status").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.gbId"));
            assertThat(page.getString("items[0].status.state")).isEqualTo("UNKNOWN");
            after = page.getString("next");
        } while (after != null);

        assertThat(seen).as("Yuexiu (440104) before Tianhe (440106), then by gbId")
                .containsExactly(created.get(1), created.get(0), created.get(2));
        given().queryParam("tag", tag).queryParam("state", "ONLINE,OFFLINE").get("/api/v1/status").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().queryParam("state", "ASLEEP").get("/api/v1/status").then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().queryParam("after", created.get(0)).get("/api/v1/status").then().statusCode(400).body("errors[0].field", equalTo("after"));
    }
}
