package city.vigil.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds registry records for tests; each call gets fresh IDs so tests do not step on each other. */
public final class Fixtures {
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private Fixtures() {
    }

    /** A camera ID in Tianhe (440106): centre 44010600, industry 00, type 132, network 0, a fresh serial. */
    public static String cameraId() {
        return gbId("44010600", "00", "132");
    }

    public static String gbId(String centre, String industry, String type) {
        return centre + industry + type + "0" + String.format("%06d", SERIAL.incrementAndGet() % 1_000_000);
    }

    /** A complete class-1 camera in Tianhe, as JSON. */
    public static Map<String, Object> camera(String gbId) {
        Map<String, Object> c = new HashMap<>();
        c.put("gbId", gbId);
        c.put("name", "天河路与体育东路交叉口 " + gbId.substring(14));
        c.put("pointClass", 1);
        c.put("cameraType", 1);
        c.put("lat", 23.137);
        c.put("lon", 113.327);
        c.put("directionCode", 6);
        c.put("hFovDeg", 60.0);
        c.put("viewDistanceM", 80.0);
        c.put("address", "天河路 385 号");
        c.put("areaCode", "440106");
        c.put("ownerUnit", "广州市公安局");
        c.put("maintainerUnit", "天河区运维一队");
        c.put("contact", "020-12345678");
        c.put("networked", true);
        c.put("installedOn", "2021-06-01");
        c.put("recordDays", 90);
        c.put("tags", List.of("junction", "hd"));
        c.put("streams", Map.of(
                "main", Map.of("url", "rtsp://10.1.2.3:554/cam/" + gbId + "/main"),
                "sub", Map.of("url", "rtsp://10.1.2.3:554/cam/" + gbId + "/sub")));
        return c;
    }

    public static String create(Map<String, Object> camera) {
        given().contentType(ContentType.JSON).body(camera).post("/api/v1/cameras").then().statusCode(201);
        return (String) camera.get("gbId");
    }

    public static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
