package city.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.Imports;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Boots the packaged jar the way a newcomer does, with nothing configured: it must start its own PostgreSQL under
 * ./data, serve the registry, import a ledger, and keep everything across a restart.
 */
class EmbeddedDefaultIT {
    private Process process;
    private Path log;
    private Path workDir;

    @Test
    void runs_on_an_embedded_postgresql_and_keeps_data_across_a_restart() throws Exception {
        workDir = Files.createTempDirectory("vigil-embedded-");
        int port = freePort();
        start(workDir, port);

        String id = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        given().queryParam("limit", 10).get("/api/v1/cameras").then().statusCode(200).body("items[0].gbId", equalTo(id));
        String imported = Fixtures.cameraId();
        String csv = "gbId,name,pointClass,areaCode,address,lat,lon,subUrl\n"
                + imported + ",导入的摄像机,2,440106,天河路 1 号,23.13,113.32,rtsp://10.1.1.1/cam/1/sub\n";
        var job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Files.isDirectory(workDir.resolve("data/postgres"))).isTrue();

        stop();
        start(workDir, port);
        given().get("/api/v1/cameras/" + id).then().statusCode(200).body("gbId", equalTo(id));
        given().get("/api/v1/cameras/" + imported).then().statusCode(200).body("name", equalTo("导入的摄像机"));
        given().contentType(ContentType.JSON).body(Fixtures.camera(id)).post("/api/v1/cameras").then().statusCode(409);
    }

    private void start(Path workDir, int port) throws IOException {
        String jar = System.getProperty("vigil.jar", "target/quarkus-app/quarkus-run.jar");
        log = Files.createTempFile("vigil-embedded-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port, "-jar", Path.of(jar).toAbsolutePath().toString()))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // Nothing configured: no database URL from the environment that runs the tests.
        builder.environment().keySet().removeIf(k -> k.startsWith("VIGIL_") || k.startsWith("QUARKUS_"));
        process = builder.start();
        RestAssured.port = port;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).failFast(() -> !process.isAlive())
                .ignoreExceptions().until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("Vigil stops on SIGTERM").isTrue();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (log != null) {
            System.out.println("---- Vigil log (" + log + ") ----");
            Files.readAllLines(log).stream().skip(Math.max(0, Files.readAllLines(log).size() - 40)).forEach(System.out::println);
        }
        RestAssured.reset();
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
