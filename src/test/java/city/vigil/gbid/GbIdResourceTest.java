package city.vigil.gbid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class GbIdResourceTest {

    @Test
    void explains_an_id_with_the_registry_division_name() {
        given().get("/api/v1/gb-ids/44010600001320000001").then().statusCode(200)
                .body("centre.divisionCode", equalTo("440106"))
                .body("centre.divisionName", equalTo("天河区"))
                .body("industry.name", equalTo("社会治安路面接入"))
                .body("type.code", equalTo(132))
                .body("type.registersAs", equalTo("CAMERA"))
                .body("network.name", equalTo("公安视频传输网"))
                .body("serial", equalTo("000001"));
    }

    @Test
    void answers_a_bad_id_with_a_400_naming_the_reason() {
        given().get("/api/v1/gb-ids/4401060000132000001").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].reason", equalTo("must be 20 digits, not 19 characters"));
    }
}
