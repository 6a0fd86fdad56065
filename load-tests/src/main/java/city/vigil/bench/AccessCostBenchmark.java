package city.vigil.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What access control costs: the same Vigil, the same fleet (the healthy simulator's {@code cameras} channels, all
 * monitored), first with access control off, then on with every call carrying an admin API key. Reports API latency
 * (p50, p99 over {@code requests} after warm-up, one client) and liveness probes per CPU-second in each mode, and the
 * ratios. Probes never pass through HTTP authentication; the figure shows that turning it on takes nothing from them.
 */
public final class AccessCostBenchmark {

    record Figures(Map<String, double[]> latency, double probesPerCpuSecond, double probesPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        int cameras = Integer.parseInt(System.getProperty("cameras", "20000"));
        int requests = Integer.parseInt(System.getProperty("requests", "3000"));
        int warmup = Integer.parseInt(System.getProperty("warmup", "1000"));
        int measure = Integer.parseInt(System.getProperty("measureSeconds", "30"));
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        String db = System.getProperty("db", "vigil_bench_access");
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        Path ledger = work.resolve("access-fleet.csv");
        Process sim = BenchTools.startHealthySimulator(jar, "2g", cameras, work, ledger);
        try {
            BenchTools.awaitSimulatorReady(sim);
            System.out.printf("Access cost benchmark: %d simulated cameras, %d requests per endpoint after %d warm-up, %d cores%n", cameras, requests,
                    warmup, Runtime.getRuntime().availableProcessors());
            Figures off = run(false, jar, ledger, cameras, requests, warmup, measure, pgHost, db, work);
            Figures on = run(true, jar, ledger, cameras, requests, warmup, measure, pgHost, db, work);
            System.out.println();
            System.out.printf("%-40s %10s %10s %10s %10s %8s%n", "endpoint", "off p50", "off p99", "key p50", "key p99", "p50 ×");
            for (String endpoint : off.latency().keySet()) {
                double[] a = off.latency().get(endpoint);
                double[] b = on.latency().get(endpoint);
                System.out.printf("%-40s %10.2f %10.2f %10.2f %10.2f %8.2f%n", endpoint, a[0], a[1], b[0], b[1], b[0] / a[0]);
            }
            System.out.printf("%nliveness: off %.0f probes/s, %.0f probes/CPU-s; on %.0f probes/s, %.0f probes/CPU-s; ratio on/off per CPU-s %.2f%n",
                    off.probesPerSecond(), off.probesPerCpuSecond(), on.probesPerSecond(), on.probesPerCpuSecond(),
                    on.probesPerCpuSecond() / off.probesPerCpuSecond());
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Figures run(boolean access, Path jar, Path ledger, int cameras, int requests, int warmup, int measure, String pgHost, String db,
                               Path work) throws Exception {
        BenchTools.recreateDatabase(pgHost, db);
        BenchTools.bearer = null;
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Dvigil.access.enabled=" + access, "-Dvigil.probe.targets.allow-loopback=true",
                "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8", "-Dvigil.probe.per-host=100000", "-Dvigil.monitor.max-in-flight=1000",
                "-Dvigil.deep.enabled=false", "-Dvigil.access.initial-password-file=" + work.resolve("access-bench-admin"),
                // One client as fast as it can go would be limited at 50/s: the bucket is still checked on every call, never empty.
                "-Dvigil.access.rate-per-second=1000000", "-Dvigil.access.rate-burst=1000000"));
        for (String pointClass : List.of("1", "2", "3", "4", "9")) {
            jvm.add("-Dvigil.monitor.class." + pointClass + ".interval=15s");
        }
        try (VigilProcess vigil = VigilProcess.start(jar, Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + db, "VIGIL_DB_USER", "postgres",
                "VIGIL_CRYPTO_CREDENTIAL_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), jvm, work.resolve("vigil-access-" + access + ".log"))) {
            if (access) {
                BenchTools.bearer = BenchTools.adminKey(pgHost, db);
            }
            BenchTools.importJob(vigil, ledger, "cameras", "text/csv", () -> { });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/monitor"))).path("channels").asInt() < cameras) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the monitor did not pick up the imported cameras");
                }
                Thread.sleep(200);
            }
            Thread.sleep(20_000);
            long pid = vigil.process.pid();
            String before = BenchTools.get(vigil.url("/q/metrics"));
            long cpu0 = BenchTools.cpuTicks(pid);
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(measure));
            String after = BenchTools.get(vigil.url("/q/metrics"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (BenchTools.cpuTicks(pid) - cpu0) / BenchTools.CLOCK_TICKS;
            double probes = BenchTools.metricSum(after, "vigil_monitor_probes_total{") - BenchTools.metricSum(before, "vigil_monitor_probes_total{");

            List<String> ids = new ArrayList<>();
            for (var item : BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/cameras?limit=500"))).path("items")) {
                ids.add(item.path("gbId").asText());
            }
            SplittableRandom random = new SplittableRandom(7);
            Map<String, Supplier<String>> endpoints = new LinkedHashMap<>();
            endpoints.put("GET /cameras/{gbId}", () -> "/api/v1/cameras/" + ids.get(random.nextInt(ids.size())));
            endpoints.put("GET /cameras?limit=100", () -> "/api/v1/cameras?limit=100");
            endpoints.put("GET /cameras/{gbId}/status", () -> "/api/v1/cameras/" + ids.get(random.nextInt(ids.size())) + "/status");
            endpoints.put("GET /rates?groupBy=district", () -> "/api/v1/rates?groupBy=district");
            Map<String, double[]> latency = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<String>> e : endpoints.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    call(vigil.url(e.getValue().get()));
                }
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    String url = vigil.url(e.getValue().get());
                    long start = System.nanoTime();
                    call(url);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                latency.put(e.getKey(), new double[] {ms[requests / 2], ms[(int) Math.ceil(requests * 0.99) - 1]});
            }
            System.out.printf("access %s: %.0f probes in %.1f s on %.1f CPU-s; API measured%n", access ? "on (API key)" : "off", probes, seconds, cpu);
            return new Figures(latency, probes / cpu, probes / seconds);
        } finally {
            BenchTools.bearer = null;
        }
    }

    private static void call(String url) throws Exception {
        HttpResponse<byte[]> r = BenchTools.HTTP.send(BenchTools.request(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }
}
