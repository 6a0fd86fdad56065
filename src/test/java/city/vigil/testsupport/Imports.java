package city.vigil.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;

/** Submits a ledger and waits for its job to finish. */
public final class Imports {
    private Imports() {
    }

    public static JsonPath run(byte[] body, String contentType, Map<String, ?> params) {
        // RestAssured would add "charset=ISO-8859-1" to text/csv; real clients send the bytes as they are.
        RequestSpecification request = given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body);
        params.forEach(request::queryParam);
        String location = request.post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        return awaitFinished(location);
    }

    public static JsonPath awaitFinished(String location) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> given().get(location).then().statusCode(200).extract().jsonPath(),
                job -> !job.getString("state").equals("QUEUED") && !job.getString("state").equals("RUNNING"));
    }
}
