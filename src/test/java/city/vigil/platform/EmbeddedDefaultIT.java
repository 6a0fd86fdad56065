package city.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.Imports;
import city.vigil.testsupport.WebhookReceiver;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Boots the packaged jar the way a newcomer does, with nothing configured: it must start its own PostgreSQL under
 * ./data, serve the registry, import a ledger, monitor the demo fleet, and keep everything across a restart without
 * opening a false outage. The demo fleet is smaller and probed faster than by default, so the test takes seconds.
 */
class EmbeddedDefaultIT {
    private static final int CAMERAS = 300;
    private Process process;
    private Path log;
    private Path workDir;
    private WebhookReceiver receiver;
    private final List<Long> frozen = new java.util.ArrayList<>();

    @Test
    void runs_on_an_embedded_postgresql_with_a_demo_fleet_and_keeps_data_across_a_restart() throws Exception {
        workDir = Files.createTempDirectory("vigil-embedded-");
        int port = freePort();
        int controlPort = freePort();
        List<String> demoPorts = new java.util.ArrayList<>(List.of("-Dvigil.demo.rtsp-port=" + freePort(),
                "-Dvigil.demo.http-port=" + freePort(), "-Dvigil.demo.control-port=" + controlPort, "-Dvigil.demo.cameras=" + CAMERAS, "-Dvigil.demo.heartbeat-interval=2s",
                "-Dvigil.monitor.retry-interval=1s", "-Dvigil.monitor.class.1.retry-interval=1s", "-Dvigil.probe.per-host=32", "-Dvigil.monitor.connect-timeout=1s",
                "-Dvigil.monitor.first-byte-timeout=1s", "-Dvigil.monitor.total-timeout=2s",
                // The test cameras' 10.x URLs must never be dialled: only the simulator on loopback is probed.
                "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8", "-Dvigil.deep.concurrency=2",
                "-Dvigil.webhooks.targets.allowed-cidrs=127.0.0.0/8", "-Dvigil.webhooks.retry-schedule=1s,1s,1s,1s,1s,1s,1s,1s,1s,1s"));
        for (String pointClass : List.of("1", "2", "3", "4", "9")) {
            demoPorts.add("-Dvigil.monitor.class." + pointClass + ".interval=2s");
        }
        start(workDir, port, demoPorts);
        assertThat(Files.readString(log)).as("no access control yet: the embedded default answers this machine only")
                .contains("Listening on: http://127.0.0.1:" + port);

        // The demo fleet is imported on first start and its streams are served by the built-in simulator.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().queryParam("tag", "sim").queryParam("groupBy", "lifecycle").get("/api/v1/cameras/counts")
                        .then().extract().jsonPath().getInt("total") == CAMERAS);
        int broken = given().queryParam("tag", "sim-healthy").queryParam("groupBy", "lifecycle").get("/api/v1/cameras/counts")
                .then().extract().jsonPath().getInt("total");
        assertThat(CAMERAS - broken).as("about 3% broken").isBetween(6, 18);
        demoIsAWholeCity();
        String demoUrl = given().queryParam("tag", "sim-healthy").queryParam("limit", 1).get("/api/v1/cameras")
                .then().extract().jsonPath().getString("items[0].streams.main.url");
        assertThat(describe(demoUrl)).startsWith("RTSP/1.0 200");

        // Anyone may look around the demo; a change needs the first admin, whose one-time password is in the data directory.
        given().contentType(ContentType.JSON).body(Fixtures.camera(Fixtures.cameraId())).post("/api/v1/cameras").then().statusCode(401);
        RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + firstAdminsKey(workDir)).build();
        String id = Fixtures.create(Fixtures.camera(Fixtures.cameraId()));
        given().get("/api/v1/cameras/" + id).then().statusCode(200).body("gbId", equalTo(id));
        String imported = Fixtures.cameraId();
        String csv = "gbId,name,pointClass,areaCode,address,lat,lon,subUrl\n"
                + imported + ",导入的摄像机,2,440106,天河路 1 号,23.13,113.32,rtsp://10.1.1.1/cam/1/sub\n";
        var job = Imports.run(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Files.isDirectory(workDir.resolve("data/postgres"))).isTrue();

        // The monitor probes the fleet: every simulated camera reaches a state, the broken ones have outages. The two
        // test cameras point at 10.x, outside the allowed ranges: never dialled, they stay UNKNOWN with NOT_ALLOWED.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().get("/api/v1/rates").then().extract().jsonPath().getInt("total.unknown") == 2);
        for (String refused : List.of(id, imported)) {
            // UNKNOWN from the start; NOT_ALLOWED once its first probe was due.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                    .get("/api/v1/cameras/{id}/status", refused).then().statusCode(200).body("state", equalTo("UNKNOWN"))
                    .body("cause", equalTo("NOT_ALLOWED")));
        }
        // Outages are written just after the state changes: read them once the writer has caught up.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/v1/monitor").then().extract().jsonPath().getInt("pendingWrites") == 0);
        Map<String, Integer> openBefore = openOutages();
        assertThat(openBefore).as("outages of the broken demo cameras (about 3% of 300, those whose fault stops the stream)")
                .hasSizeGreaterThanOrEqualTo(3);

        // A webhook whose receiver is down when Vigil stops is delivered after the restart, with the same id.
        receiver = new WebhookReceiver();
        receiver.answer = () -> 503;
        long sub = given().contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "eventTypes", List.of("checkpoint.stale")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        String pending = given().post("/api/v1/webhooks/{id}/test", sub).then().statusCode(202).extract().jsonPath().getString("eventId");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests.get() >= 1);

        stop();
        receiver.answer = () -> 204;
        Instant restarted = Instant.now();
        start(workDir, port, demoPorts);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.calls.stream().anyMatch(c -> c.id().equals(pending)));
        long probesBefore = probesDone();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> probesDone() >= probesBefore + 3L * CAMERAS);
        List<Map<String, Object>> opened = given().queryParam("limit", 500).get("/api/v1/outages").then().extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(o -> Instant.parse((String) o.get("startedAt")).isAfter(restarted)).toList();
        List<String> healthy = given().queryParam("tag", "sim-healthy").queryParam("limit", 500).get("/api/v1/status").then()
                .extract().jsonPath().getList("items.gbId");
        // A flapping camera really goes down and up again after the restart; every other one must not look as if it had.
        List<String> flapping = given().queryParam("tag", "sim-flapping").queryParam("limit", 500).get("/api/v1/cameras").then()
                .extract().jsonPath().getList("items.gbId");
        assertThat(opened).as("no outage opened after the restart for a healthy camera or one whose outage was open")
                .noneMatch(o -> !flapping.contains((String) o.get("gbId"))
                        && (healthy.contains((String) o.get("gbId")) || openBefore.containsKey((String) o.get("gbId"))));
        Map<String, Integer> openAfter = openOutages();
        for (String stillBroken : List.of("sim-refused", "sim-not-found", "sim-auth-required", "sim-hang")) {
            for (String gbId : given().queryParam("tag", stillBroken).queryParam("limit", 500).get("/api/v1/cameras").then().extract()
                    .jsonPath().<String>getList("items.gbId")) {
                assertThat(openAfter.get(gbId)).as(stillBroken + " " + gbId + " keeps its one outage").isEqualTo(openBefore.get(gbId));
            }
        }
        given().get("/api/v1/cameras/" + id).then().statusCode(200).body("gbId", equalTo(id));
        given().get("/api/v1/cameras/" + imported).then().statusCode(200).body("name", equalTo("导入的摄像机"));
        given().contentType(ContentType.JSON).body(Fixtures.camera(id)).post("/api/v1/cameras").then().statusCode(409);
        assertThat(given().queryParam("tag", "sim").queryParam("groupBy", "lifecycle").get("/api/v1/cameras/counts")
                .then().extract().jsonPath().getInt("total")).as("not imported twice").isEqualTo(CAMERAS);
        assertThat(describe(demoUrl)).as("the simulator serves the same fleet again").startsWith("RTSP/1.0 200");

        databaseFrozenThenBack(controlPort);
        databaseKilledIsStartedAgain();

        // kill -9: the orphaned PostgreSQL still holds the data directory; one start must recover by itself.
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        start(workDir, port, demoPorts);
        given().get("/api/v1/cameras/" + id).then().statusCode(200).body("gbId", equalTo(id));
    }

    /**
     * The demo is a whole synthetic Guangzhou: every level down to grids holds cameras, key sites and checkpoints are
     * registered, the checkpoints report heartbeats, and no second, empty city dilutes the totals.
     */
    private void demoIsAWholeCity() {
        for (String level : List.of("street", "community", "grid")) {
            assertThat(given().queryParam("groupBy", level).get("/api/v1/rates").then().statusCode(200).extract().jsonPath()
                    .<String>getList("groups.key")).as(level + "s with cameras").hasSizeGreaterThan(10);
        }
        List<String> districts = given().queryParam("groupBy", "district").get("/api/v1/rates").then().extract().jsonPath().getList("groups.key");
        assertThat(districts).as("Guangzhou's eleven districts, nothing else").hasSize(11).allMatch(d -> d.startsWith("4401"));
        // Sites and checkpoints come after the cameras, each its own import job.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().get("/api/v1/sites").then().extract().jsonPath().getList("items").size() > 0);
        List<String> checkpoints = given().get("/api/v1/checkpoints").then().statusCode(200).extract().jsonPath().getList("items.gbId");
        assertThat(checkpoints).isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().get("/api/v1/checkpoints/{id}/status", checkpoints.get(0)).then().extract().jsonPath().getString("lastHeartbeatAt") != null);
    }

    /**
     * PostgreSQL frozen (SIGSTOP on the postmaster and every backend): readiness says so within a second, the API answers
     * 503 database-unavailable at once instead of hanging, and the decisions the monitor makes meanwhile wait and land
     * once the database thaws: a camera that failed during the freeze is OFFLINE with its outage afterwards.
     */
    private void databaseFrozenThenBack(int controlPort) throws Exception {
        String victim = given().queryParam("tag", "sim-healthy").queryParam("limit", 1).get("/api/v1/cameras").then().statusCode(200)
                .extract().jsonPath().getString("items[0].gbId");
        freeze();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> timed("/q/health/ready").status == 503);
        Timed ready = timed("/q/health/ready");
        assertThat(ready.status).isEqualTo(503);
        assertThat(ready.millis).as("readiness answers without waiting on the frozen database").isLessThan(1_000);
        Timed api = timed("/api/v1/cameras?limit=1");
        assertThat(api.status).isEqualTo(503);
        assertThat(api.millis).as("the API refuses at once").isLessThan(1_000);
        assertThat(api.body).contains("database-unavailable");
        assertThat(api.retryAfter).isNotBlank();

        switchScenario(controlPort, victim, "refused");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> metric("vigil_monitor_writes_pending") > 0);
        thaw();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> timed("/api/v1/cameras?limit=1").status == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> openOutages().containsKey(victim));
        given().get("/api/v1/cameras/{id}/status", victim).then().statusCode(200).body("state", equalTo("OFFLINE"));
        switchScenario(controlPort, victim, "healthy");
    }

    /** The embedded PostgreSQL killed outright: Vigil starts it again on the same port, and the API recovers by itself. */
    private void databaseKilledIsStartedAgain() throws Exception {
        long postmaster = postmasterPid();
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster)).start().waitFor();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> postmasterPid() != postmaster && timed("/api/v1/cameras?limit=1").status == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> timed("/q/health/ready").status == 200);
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(workDir.resolve("data/postgres/postmaster.pid")).get(0).trim());
    }

    private void freeze() throws Exception {
        long postmaster = postmasterPid();
        frozen.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(h -> h.descendants().forEach(d -> frozen.add(d.pid())));
        signal("STOP", frozen);
    }

    private void thaw() throws Exception {
        if (!frozen.isEmpty()) {
            signal("CONT", frozen);
            frozen.clear();
        }
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private record Timed(int status, long millis, String body, String retryAfter) {
    }

    /** A GET with a hard 5 s bound, timed: a call that would hang on the frozen database shows as a slow one. */
    private static Timed timed(String path) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Timed(response.statusCode(), (System.nanoTime() - started) / 1_000_000, response.body(),
                response.headers().firstValue("Retry-After").orElse(""));
    }

    private static double metric(String name) throws Exception {
        return timed("/q/metrics").body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void switchScenario(int controlPort, String gbId, String scenario) throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + controlPort + "/sim/cameras/" + gbId + "/scenario"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"scenario\":\"" + scenario + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    /** Open outages: gbId → outage id. */
    private static Map<String, Integer> openOutages() {
        Map<String, Integer> open = new java.util.HashMap<>();
        given().queryParam("open", true).queryParam("limit", 500).get("/api/v1/outages").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").forEach(o -> open.put((String) o.get("gbId"), (Integer) o.get("id")));
        return open;
    }

    /** Probes finished since this Vigil started, from its Prometheus metrics. */
    private static long probesDone() {
        return given().get("/q/metrics").then().extract().asString().lines().filter(l -> l.startsWith("vigil_monitor_probes_total{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** An RTSP DESCRIBE over a plain socket: the first line of the answer. */
    private static String describe(String rtspUrl) throws IOException {
        java.net.URI uri = java.net.URI.create(rtspUrl);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            // The simulator may still be encoding the clip on first use on a busy machine.
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("DESCRIBE " + rtspUrl + " RTSP/1.0\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /**
     * What a newcomer does on first start: reads the one-time password the log points to, logs in, chooses a password
     * of their own, and creates an admin key for scripts.
     */
    private String firstAdminsKey(Path workDir) throws IOException {
        Path file = workDir.resolve("data/initial-admin-password");
        assertThat(Files.readString(log)).as("one log line says where the password is").contains("one-time password").contains(file.toString());
        List<String> lines = Files.readAllLines(file);
        io.restassured.response.Response form = given().get("/login");
        String token = form.htmlPath().getString("**.find { it.@name == '_login' }.@value");
        String session = given().redirects().follow(false).cookie("vigil_login", form.getCookie("vigil_login"))
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("name", lines.get(0), "password", lines.get(1), "_login", token, "next", "/")).post("/login")
                .then().statusCode(303).extract().cookie("vigil_session");
        String csrf = given().cookie("vigil_session", session).get("/api/v1/me").then().statusCode(200).extract().path("csrfToken");
        given().cookie("vigil_session", session).header("X-CSRF-Token", csrf).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", lines.get(1), "newPassword", "Duty-Desk-Chosen-7")).post("/api/v1/me/password")
                .then().statusCode(204);
        return given().cookie("vigil_session", session).header("X-CSRF-Token", csrf).contentType(ContentType.JSON)
                .body(Map.of("name", "demo scripts", "role", "admin")).post("/api/v1/keys").then().statusCode(201).extract().path("key");
    }

    private void start(Path workDir, int port, List<String> properties) throws IOException {
        String jar = System.getProperty("vigil.jar", "target/quarkus-app/quarkus-run.jar");
        log = Files.createTempFile("vigil-embedded-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port));
        command.addAll(properties);
        command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
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
        RestAssured.requestSpecification = null;
        thaw();
        if (receiver != null) {
            receiver.close();
        }
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
