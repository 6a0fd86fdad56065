package city.vigil.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator pages at the synthetic city's full scale (923,000 cameras): the server time of each page (p50, p95,
 * max over {@code requests} after warm-up, one client) and the overview's load event in Debian's chromium.
 *
 * <p>The city is imported through Vigil, then given a plausible day in PostgreSQL before the monitor starts: 96%
 * online, 2.5% offline with open outages (a fifth acknowledged), 1% with an image fault, 150,000 outages over the last
 * 30 days. The monitor restores those states (probes spread over a day, and only loopback may be dialled: the
 * generated 10.x addresses are never contacted), so the pages read a city in operation, not an empty one.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        double scale = Double.parseDouble(System.getProperty("scale", "1.0"));
        String database = System.getProperty("db", "vigil_bench_pages");
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        int requests = Integer.parseInt(System.getProperty("requests", "100"));
        int warmup = Integer.parseInt(System.getProperty("warmup", "20"));
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf("Dashboard benchmark: scale %.3f, database %s, %d cores%n", scale, database, Runtime.getRuntime().availableProcessors());
        Path fleet = work.resolve("fleet-" + scale);
        if (!Files.exists(fleet.resolve("sites.json"))) {
            new ProcessBuilder(BenchTools.java(), "-jar", jar.toAbsolutePath().toString(), "generate-city", "--scale", String.valueOf(scale),
                    "--out", fleet.toString()).inheritIO().start().waitFor();
        }
        Map<String, String> env = Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + database, "VIGIL_DB_USER", "postgres",
                "VIGIL_CRYPTO_CREDENTIAL_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        // -Dreuse=true keeps the database of an earlier run (the import and the day in operation take minutes).
        if (!Boolean.getBoolean("reuse") || !populated(pgHost, database)) {
            prepare(jar, env, fleet, pgHost, database, work);
        }
        measure(jar, env, work, requests, warmup);
    }

    private static boolean populated(String pgHost, String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/" + database, "postgres", "");
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM outage")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static void prepare(Path jar, Map<String, String> env, Path fleet, String pgHost, String database, Path work) throws Exception {
        BenchTools.recreateDatabase(pgHost, database);
        try (VigilProcess vigil = VigilProcess.start(jar, env, List.of("-Xmx2g", "-Dvigil.monitor.enabled=false", "-Dvigil.deep.enabled=false"),
                work.resolve("vigil-import.log"))) {
            for (String[] f : List.of(new String[] {"areas.csv", "areas", "text/csv"}, new String[] {"cameras.csv", "cameras", "text/csv"},
                    new String[] {"checkpoints.json", "checkpoints", "application/json"}, new String[] {"sites.json", "sites", "application/json"})) {
                var job = BenchTools.importJob(vigil, fleet.resolve(f[0]), f[1], f[2], () -> { });
                System.out.printf("imported %s: %s, %d rows, %.1f s%n", f[0], job.path("state").asText(), job.path("rowsRead").asLong(), BenchTools.seconds(job));
            }
        }
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/" + database, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO channel_status (gb_id, state, since, cause, image_fault) SELECT gb_id, "
                    + "CASE WHEN h < 25 THEN 'OFFLINE' WHEN h < 35 THEN 'DEGRADED' ELSE 'ONLINE' END, now() - (h * interval '7 minutes'), "
                    + "CASE WHEN h < 25 THEN (ARRAY['TIMEOUT','REFUSED','NOT_FOUND','AUTH_FAILED','NO_MEDIA'])[1 + h % 5] END, "
                    + "CASE WHEN h >= 25 AND h < 35 THEN (ARRAY['BLACK','BLURRED','FROZEN','OCCLUDED','COLOUR_CAST'])[1 + h % 5] END "
                    + "FROM (SELECT gb_id, abs(hashtext(gb_id)) % 1000 AS h FROM camera WHERE lifecycle = 'IN_USE') x");
            s.execute("INSERT INTO outage (gb_id, area_path, point_class, cause, started_at, acked_by, acked_at, ack_note) "
                    + "SELECT s.gb_id, c.area_path, c.point_class, coalesce(s.cause, s.image_fault), s.since, "
                    + "CASE WHEN abs(hashtext(s.gb_id)) % 5 = 0 THEN '值班员' END, CASE WHEN abs(hashtext(s.gb_id)) % 5 = 0 THEN now() END, "
                    + "CASE WHEN abs(hashtext(s.gb_id)) % 5 = 0 THEN '已派单' END "
                    + "FROM channel_status s JOIN camera c ON c.gb_id = s.gb_id WHERE s.state <> 'ONLINE'");
            s.execute("INSERT INTO outage (gb_id, area_path, point_class, cause, started_at, ended_at) "
                    + "SELECT c.gb_id, c.area_path, c.point_class, (ARRAY['TIMEOUT','REFUSED','NOT_FOUND'])[1 + n % 3], "
                    + "now() - ((n % 30) * interval '1 day') - interval '2 hours', now() - ((n % 30) * interval '1 day') - interval '2 hours' + ((10 + n % 300) * interval '1 minute') "
                    + "FROM (SELECT gb_id, area_path, point_class, row_number() OVER () AS n FROM camera ORDER BY random() LIMIT 150000) c");
            s.execute("VACUUM ANALYZE outage");
            s.execute("VACUUM ANALYZE channel_status");
        }
        System.out.printf("a day in operation written: %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    private static void measure(Path jar, Map<String, String> env, Path work, int requests, int warmup) throws Exception {

        List<String> monitor = new java.util.ArrayList<>(List.of("-Xmx3g", "-Dvigil.deep.enabled=false", "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8"));
        for (String pc : List.of("1", "2", "3", "4", "9")) {
            monitor.add("-Dvigil.monitor.class." + pc + ".interval=24h");
        }
        try (VigilProcess vigil = VigilProcess.start(jar, env, monitor, work.resolve("vigil-pages.log"))) {
            long deadline = System.currentTimeMillis() + 600_000;
            while (System.currentTimeMillis() < deadline
                    && !BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/monitor"))).path("ready").asBoolean()) {
                Thread.sleep(1000);
            }
            // The map and the blind spots read the coverage book, built in the background after the start.
            while (System.currentTimeMillis() < deadline && BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create(vigil.url("/api/v1/coverage"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                Thread.sleep(1000);
            }
            var rates = BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/rates"))).path("total");
            System.out.printf("monitor ready: %d monitored, %d offline, %d degraded, %d unknown%n", rates.path("monitored").asLong(),
                    rates.path("offline").asLong(), rates.path("degraded").asLong(), rates.path("unknown").asLong());
            var anOffline = BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/status?state=OFFLINE&limit=1&area=440106"))).path("items").path(0);
            String camera = anOffline.path("gbId").asText();
            String street = "440106001";
            String grid = BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/rates?area=" + street + "&groupBy=grid"))).path("groups").path(0)
                    .path("key").asText();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("overview, whole city (/)", "/");
            pages.put("overview, a district", "/areas/440106");
            pages.put("overview, a street", "/areas/" + street);
            pages.put("overview, a grid", "/areas/" + grid);
            pages.put("overview, filtered down list, page 3", "/areas/440106?class=2&ack=false&page=3");
            pages.put("camera page", "/cameras/" + camera);
            pages.put("outage desk, whole city", "/outages");
            pages.put("outage desk, a district", "/outages?area=440106");
            pages.put("map, whole city", "/map");
            pages.put("map, a district", "/map?area=440106");
            pages.put("map, a street", "/map?area=" + street);
            pages.put("wall", "/wall");
            pages.put("live panels (push / poll), whole city", "/dashboard/live");
            pages.put("live panels, wall", "/dashboard/live?view=wall");
            System.out.println();
            System.out.printf("== Server time per page at %d cameras: %d requests after %d warm-up, one client ==%n", rates.path("monitored").asLong()
                    + rates.path("unknown").asLong(), requests, warmup);
            System.out.printf("%-42s %8s %8s %8s %8s %8s%n", "page", "first ms", "p50 ms", "p95 ms", "max ms", "KB");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                // The first request draws what later ones may find kept (an area's history and map, for history-ttl).
                long first = System.nanoTime();
                int size = fetch(vigil.url(p.getValue()));
                double firstMs = (System.nanoTime() - first) / 1e6;
                for (int i = 0; i < warmup; i++) {
                    size = fetch(vigil.url(p.getValue()));
                }
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    fetch(vigil.url(p.getValue()));
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-42s %8.1f %8.1f %8.1f %8.1f %8d%n", p.getKey(), firstMs, ms[requests / 2], ms[(int) Math.ceil(requests * 0.95) - 1],
                        ms[requests - 1], size / 1024);
            }

            ChromeDriver browser = Chromium.open(1920, 1080);
            try {
                double[] load = new double[10];
                browser.get(vigil.url("/"));
                for (int i = 0; i < load.length; i++) {
                    browser.get(vigil.url("/?i=" + i));
                    load[i] = Chromium.loadEventMs(browser);
                }
                Arrays.sort(load);
                System.out.printf("%nOverview in chromium (1920×1080), load event: p50 %.0f ms, max %.0f ms over %d loads (target <= 1,500 ms)%n",
                        load[load.length / 2], load[load.length - 1], load.length);
            } finally {
                browser.quit();
            }
        }
    }

    private static int fetch(String url) throws Exception {
        HttpResponse<byte[]> r = BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r.body().length;
    }
}
