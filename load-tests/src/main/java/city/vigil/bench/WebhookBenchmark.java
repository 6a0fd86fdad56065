package city.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhooks, measured end to end against the packaged Vigil with its default monitor settings:
 * <ol>
 * <li>loss of stream → webhook received: class-1 simulated cameras are switched off one at a time (spread over the
 * districts, so none looks like a mass outage); the time from the switch to the camera.offline request reaching a
 * receiver on loopback, p50/p95/max;</li>
 * <li>dispatcher throughput: a burst of events written to the outbox at once, delivered to one subscription (in
 * order, one at a time) and to four; events per second from the commit to the last one received.</li>
 * </ol>
 * Run from {@code load-tests/}: {@code ../mvnw compile exec:java -Dbench=WebhookBenchmark} (-Dcameras=300 -Dlosses=60
 * -Dspacing=1500 -Dburst=20000).
 */
public final class WebhookBenchmark {
    private static final Pattern GB_ID = Pattern.compile("\"gbId\":\"(\\d{20})\"");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        int cameras = Integer.parseInt(System.getProperty("cameras", "300"));
        int losses = Integer.parseInt(System.getProperty("losses", "60"));
        long spacing = Long.parseLong(System.getProperty("spacing", "1500"));
        int burst = Integer.parseInt(System.getProperty("burst", "20000"));
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        String db = System.getProperty("db", "vigil_bench_webhooks");
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        Path ledger = work.resolve("webhook-fleet.csv");

        Process sim = BenchTools.startHealthySimulator(jar, "1g", cameras, work, ledger);
        try (Receivers receivers = new Receivers(5)) {
            int control = BenchTools.awaitSimulatorReady(sim)[1];
            Path class1 = work.resolve("webhook-fleet-class1.csv");
            List<String> ids = classOne(ledger, class1);
            BenchTools.recreateDatabase(pgHost, db);
            System.out.printf("Webhook benchmark: %d class-1 cameras (default monitor settings: every 15 s, 5 s retries, 3 failures), "
                    + "%d losses %d ms apart, then a burst of %d events; %d cores%n", cameras, losses, spacing, burst,
                    Runtime.getRuntime().availableProcessors());
            try (VigilProcess v = VigilProcess.start(jar, Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + db, "VIGIL_DB_USER", "postgres"),
                    List.of("-Xmx1g", "-Dvigil.probe.targets.allow-loopback=true", "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8",
                            "-Dvigil.webhooks.targets.allowed-cidrs=127.0.0.0/8",
                            // The simulated cameras share one host, where the field has one per camera: the deep tier's
                            // sessions would come out of the same two-per-host budget as the liveness probes.
                            "-Dvigil.deep.enabled=false"),
                    work.resolve("vigil-webhooks.log"))) {
                BenchTools.importJob(v, class1, "cameras", "text/csv", () -> { });
                subscribe(v, receivers.url(0), List.of("camera.offline"));
                waitFor("every camera online", () -> rates(v).path("online").asLong() == cameras, 120);

                List<Double> latencies = lossToWebhook(control, ids, losses, spacing, receivers.received(0));
                print("loss of stream → camera.offline received", latencies);

                for (int subs : new int[] {1, 4}) {
                    for (int i = 1; i <= subs; i++) {
                        subscribe(v, receivers.url(i), List.of("checkpoint.offline"));
                    }
                    receivers.clear();
                    double seconds = burst(pgHost, db, burst, () -> {
                        long all = 0;
                        for (int i = 1; i <= subs; i++) {
                            all += receivers.received(i).size();
                        }
                        return all >= (long) burst * subs;
                    });
                    System.out.printf("dispatcher: %d events to %d subscription(s) in %.1f s: %.0f deliveries/s%n", burst, subs, seconds,
                            burst * subs / seconds);
                    unsubscribeAll(v, "checkpoint.offline");
                }
            }
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The simulator's ledger with every camera made class 1; returns the camera IDs. */
    private static List<String> classOne(Path ledger, Path out) throws Exception {
        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        List<String> rewritten = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[2] = "1";
            ids.add(cells[0]);
            rewritten.add(String.join(",", cells));
        }
        Files.write(out, rewritten, StandardCharsets.UTF_8);
        return ids;
    }

    /** Switches cameras off one by one, round-robin over the districts; returns switch → receipt, in seconds. */
    private static List<Double> lossToWebhook(int control, List<String> ids, int losses, long spacing, Map<String, Long> received) throws Exception {
        Map<String, List<String>> byDistrict = new java.util.TreeMap<>();
        ids.forEach(id -> byDistrict.computeIfAbsent(id.substring(0, 6), d -> new ArrayList<>()).add(id));
        List<String> order = new ArrayList<>();
        for (int i = 0; order.size() < Math.min(losses, ids.size()); i++) {
            for (List<String> district : byDistrict.values()) {
                if (i < district.size() && order.size() < losses) {
                    order.add(district.get(i));
                }
            }
        }
        Map<String, Long> switched = new ConcurrentHashMap<>();
        for (String id : order) {
            HttpResponse<String> r = BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + "/sim/cameras/" + id + "/scenario"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"refused\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("the simulator refused the switch: " + r.statusCode() + " " + r.body());
            }
            switched.put(id, System.nanoTime());
            Thread.sleep(spacing);
        }
        waitFor("every loss announced", () -> order.stream().allMatch(received::containsKey), 180);
        List<Double> latencies = new ArrayList<>();
        for (String id : order) {
            latencies.add((received.get(id) - switched.get(id)) / 1e9);
        }
        return latencies;
    }

    /** Writes {@code n} events in one transaction; seconds from its commit until {@code done}. */
    private static double burst(String pgHost, String db, int n, Check done) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/" + db, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO event_outbox (type, occurred_at, area_path, severity, data) "
                    + "SELECT 'checkpoint.offline', now(), '440100/440106/', 2, jsonb_build_object('gbId', lpad(g::text, 20, '4401061211')) "
                    + "FROM generate_series(1, ?) g")) {
                s.setInt(1, n);
                s.executeUpdate();
            }
            c.commit();
        }
        long t0 = System.nanoTime();
        waitFor("the burst delivered", done, 600);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void subscribe(VigilProcess v, String url, List<String> types) throws Exception {
        String body = BenchTools.JSON.writeValueAsString(Map.of("url", url, "eventTypes", types));
        HttpResponse<String> r = BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create(v.url("/api/v1/webhooks"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + r.body());
        }
    }

    private static void unsubscribeAll(VigilProcess v, String type) throws Exception {
        for (JsonNode s : BenchTools.JSON.readTree(BenchTools.get(v.url("/api/v1/webhooks?limit=500"))).path("items")) {
            if (s.path("eventTypes").toString().contains(type)) {
                BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create(v.url("/api/v1/webhooks/" + s.path("id").asLong()))).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static JsonNode rates(VigilProcess v) throws Exception {
        return BenchTools.JSON.readTree(BenchTools.get(v.url("/api/v1/rates"))).path("total");
    }

    private static void print(String what, List<Double> seconds) {
        List<Double> s = new ArrayList<>(seconds);
        Collections.sort(s);
        System.out.printf("%s: n=%d, p50 %.1f s, p95 %.1f s, max %.1f s%n", what, s.size(), s.get(s.size() / 2),
                s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(String what, Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Webhook receivers on loopback, one path each; first receipt time per camera (or per event id). */
    private static final class Receivers implements AutoCloseable {
        private final HttpServer server;
        private final List<Map<String, Long>> received = new ArrayList<>();
        private final AtomicLong requests = new AtomicLong();

        Receivers(int n) throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.setExecutor(Executors.newFixedThreadPool(8));
            for (int i = 0; i < n; i++) {
                Map<String, Long> seen = new ConcurrentHashMap<>();
                received.add(seen);
                server.createContext("/hook/" + i, exchange -> {
                    long now = System.nanoTime();
                    requests.incrementAndGet();
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    Matcher m = GB_ID.matcher(body);
                    String key = body.contains("camera.offline") && m.find() ? m.group(1) : exchange.getRequestHeaders().getFirst("webhook-id");
                    seen.putIfAbsent(key, now);
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
            }
            server.start();
        }

        String url(int i) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + i;
        }

        Map<String, Long> received(int i) {
            return received.get(i);
        }

        void clear() {
            received.forEach(Map::clear);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
