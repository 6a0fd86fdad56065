package city.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Registry benchmark: imports the generator's fleet (full scale by default, ~923k cameras) into PostgreSQL through
 * the packaged Vigil, reporting rows/s and peak heap, then measures get/list/count latency at that size.
 * Every knob is a -D property (see README.md).
 */
public final class RegistryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        double scale = Double.parseDouble(System.getProperty("scale", "1.0"));
        String database = System.getProperty("db", "vigil_bench");
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        String heap = System.getProperty("heap", "2g");
        int requests = Integer.parseInt(System.getProperty("requests", "2000"));
        int warmup = Integer.parseInt(System.getProperty("warmup", "500"));
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);

        System.out.printf("Vigil registry benchmark: scale %.3f, database %s on %s, -Xmx%s, %d cores%n",
                scale, database, pgHost, heap, Runtime.getRuntime().availableProcessors());
        Path fleet = work.resolve("fleet-" + scale);
        run(List.of(BenchTools.java(), "-jar", jar.toAbsolutePath().toString(), "generate-city", "--scale", String.valueOf(scale),
                "--out", fleet.toString()));
        BenchTools.recreateDatabase(pgHost, database);

        Map<String, String> env = Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + database, "VIGIL_DB_USER", "postgres",
                "VIGIL_CRYPTO_CREDENTIAL_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        try (VigilProcess vigil = VigilProcess.start(jar, env,
                // The generated fleet's stream URLs are 10.x addresses that exist nowhere here: registry only, no probes.
                List.of("-Xmx" + heap, "-Dvigil.monitor.enabled=false", "-Dvigil.deep.enabled=false"), work.resolve("vigil.log"))) {
            importJob(vigil, fleet.resolve("areas.csv"), "areas", "text/csv", null);
            HeapSampler sampler = new HeapSampler(vigil);
            long baseline = sampler.heapNow();
            JsonNode cameras = importJob(vigil, fleet.resolve("cameras.csv"), "cameras", "text/csv", sampler);
            double seconds = BenchTools.seconds(cameras);
            long rows = cameras.path("rowsRead").asLong();
            System.out.println();
            System.out.println("== Import (cameras.csv, " + Files.size(fleet.resolve("cameras.csv")) / 1_000_000 + " MB, Chinese headers) ==");
            System.out.printf("rows %d, state %s, %.1f s, %.0f rows/s, projected 1M rows: %.1f s (target <= 60 s)%n",
                    rows, cameras.path("state").asText(), seconds, rows / seconds, 1_000_000 / (rows / seconds));
            System.out.printf("heap: %d MB before, peak %d MB during the import (sampled every 100 ms)%n",
                    baseline / 1_048_576, sampler.peak() / 1_048_576);
            JsonNode again = importJob(vigil, fleet.resolve("cameras.csv"), "cameras", "text/csv", null);
            System.out.printf("re-import of the same file: %s, %d unchanged, %d updated, %.1f s%n",
                    again.path("state").asText(), again.path("unchanged").asLong(), again.path("updated").asLong(), BenchTools.seconds(again));
            importJob(vigil, fleet.resolve("checkpoints.json"), "checkpoints", "application/json", null);
            importJob(vigil, fleet.resolve("sites.json"), "sites", "application/json", null);

            List<String> ids = gbIds(fleet.resolve("cameras.csv"));
            System.out.println();
            System.out.printf("== Latency at %d cameras: %d requests each after %d warm-up, one client ==%n", ids.size(), requests, warmup);
            SplittableRandom random = new SplittableRandom(7);
            String[] districts = {"440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114", "440115", "440117", "440118"};
            Map<String, Supplier<String>> endpoints = new LinkedHashMap<>();
            endpoints.put("GET /cameras/{gbId}", () -> "/api/v1/cameras/" + ids.get(random.nextInt(ids.size())));
            endpoints.put("GET /cameras?limit=100 (first page)", () -> "/api/v1/cameras?limit=100");
            endpoints.put("GET /cameras?after=…&limit=100", () -> "/api/v1/cameras?limit=100&after=" + ids.get(random.nextInt(ids.size())));
            endpoints.put("GET /cameras?area=district&pointClass=1", () -> "/api/v1/cameras?limit=100&pointClass=1&area=" + districts[random.nextInt(districts.length)]);
            endpoints.put("GET /cameras?maintainer=…", () -> "/api/v1/cameras?limit=100&maintainer="
                    + URLEncoder.encode("天河区视频运维" + "一二三四五六".charAt(random.nextInt(6)) + "队", StandardCharsets.UTF_8));
            endpoints.put("GET /cameras?q=…(text)", () -> "/api/v1/cameras?limit=100&q=" + URLEncoder.encode(
                    new String[] {"中山大道", "天河路", "学校门口", "地铁口"}[random.nextInt(4)] + ids.get(random.nextInt(ids.size())).substring(17), StandardCharsets.UTF_8));
            endpoints.put("GET /cameras?bbox=…(1 km²)", () -> {
                double lon = 113.2 + random.nextDouble() * 0.3;
                double lat = 23.0 + random.nextDouble() * 0.3;
                return "/api/v1/cameras?limit=100&bbox=" + lon + "," + lat + "," + (lon + 0.01) + "," + (lat + 0.009);
            });
            endpoints.put("GET /cameras/counts?groupBy=district,pointClass", () -> "/api/v1/cameras/counts?groupBy=district,pointClass");
            endpoints.put("GET /cameras/counts?groupBy=street&area=district", () -> "/api/v1/cameras/counts?groupBy=street&area=" + districts[random.nextInt(districts.length)]);
            System.out.printf("%-50s %9s %9s %9s%n", "endpoint", "p50 ms", "p99 ms", "max ms");
            for (Map.Entry<String, Supplier<String>> e : endpoints.entrySet()) {
                int n = e.getKey().contains("counts") ? Math.max(50, requests / 10) : requests;
                for (int i = 0; i < Math.min(warmup, n); i++) {
                    get(vigil, e.getValue().get());
                }
                double[] ms = new double[n];
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    get(vigil, e.getValue().get());
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-50s %9.1f %9.1f %9.1f%n", e.getKey(), ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1]);
            }
        }
    }

    private static JsonNode importJob(VigilProcess vigil, Path file, String kind, String type, HeapSampler sampler) throws Exception {
        return BenchTools.importJob(vigil, file, kind, type, () -> {
            if (sampler != null) {
                sampler.sample();
            }
        });
    }

    private static void get(VigilProcess vigil, String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(vigil.url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> gbIds(Path csv) throws Exception {
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                ids.add(line.substring(0, 20));
            }
        }
        return ids;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    /** Samples the JVM heap of Vigil from its Prometheus metrics. */
    private static final class HeapSampler {
        private final VigilProcess vigil;
        private final AtomicLong peak = new AtomicLong();

        HeapSampler(VigilProcess vigil) {
            this.vigil = vigil;
        }

        long heapNow() throws Exception {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(vigil.url("/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long sum = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                    sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        }

        void sample() {
            try {
                peak.accumulateAndGet(heapNow(), Math::max);
            } catch (Exception e) {
                throw new IllegalStateException("heap not readable: " + e.getMessage(), e);
            }
        }

        long peak() {
            return peak.get();
        }
    }
}
