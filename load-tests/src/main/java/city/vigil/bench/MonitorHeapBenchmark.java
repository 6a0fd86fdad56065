package city.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Heap per monitored channel at a million registered cameras: the live heap (after a full GC) of Vigil monitoring
 * them, every one probed at least once, minus the live heap of Vigil holding the same registry with the monitor off.
 * The difference is what monitoring costs: channel records, schedule, parent and maintenance bookkeeping, and the
 * in-process status store with its rate counters. Streams come from the simulator, so every channel has a real
 * probe result.
 */
public final class MonitorHeapBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        int cameras = Integer.parseInt(System.getProperty("cameras", "1000000"));
        String interval = System.getProperty("interval", "300s");
        String heap = System.getProperty("heap", "3g");
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        String db = System.getProperty("db", "vigil_bench_heap");
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        Path ledger = work.resolve("heap-fleet.csv");
        Map<String, String> env = Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + db, "VIGIL_DB_USER", "postgres");

        Process sim = BenchTools.startHealthySimulator(jar, "3g", cameras, work, ledger);
        try {
            BenchTools.awaitSimulatorReady(sim);
            System.out.printf("Monitor heap benchmark: %d simulated cameras, probed every %s, Vigil -Xmx%s%n", cameras, interval, heap);
            BenchTools.recreateDatabase(pgHost, db);

            long registryOnly;
            try (VigilProcess vigil = VigilProcess.start(jar, env, List.of("-Xmx" + heap, "-Dvigil.monitor.enabled=false", "-Dvigil.deep.enabled=false"),
                    work.resolve("vigil-heap-registry.log"))) {
                BenchTools.importJob(vigil, ledger, "cameras", "text/csv", () -> { });
                registryOnly = liveHeap(vigil);
                System.out.printf("registry only, monitor off: live heap %d MB%n", registryOnly >> 20);
            }

            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Dvigil.probe.targets.allow-loopback=true", "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8",
                    "-Dvigil.probe.per-host=100000", "-Dvigil.monitor.max-in-flight=1000", "-Dvigil.deep.enabled=false"));
            for (String pointClass : List.of("1", "2", "3", "4", "9")) {
                jvm.add("-Dvigil.monitor.class." + pointClass + ".interval=" + interval);
            }
            try (VigilProcess vigil = VigilProcess.start(jar, env, jvm, work.resolve("vigil-heap-monitor.log"))) {
                long started = System.nanoTime();
                long deadline = started + TimeUnit.MINUTES.toNanos(20);
                double probes;
                while ((probes = BenchTools.metricSum(BenchTools.get(vigil.url("/q/metrics")), "vigil_monitor_probes_total{")) < cameras) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + probes + " probes after 20 minutes");
                    }
                    Thread.sleep(5_000);
                    System.out.printf("  %.0f probes so far%n", probes);
                }
                var info = BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/monitor")));
                long monitored = liveHeap(vigil);
                double perChannel = (monitored - registryOnly) / (double) info.path("channels").asLong();
                System.out.printf("monitoring %d channels (%.0f probes in %.0f s): live heap %d MB%n", info.path("channels").asLong(), probes,
                        (System.nanoTime() - started) / 1e9, monitored >> 20);
                System.out.printf("heap per monitored channel: %.0f bytes (target ≤ 1024)%n", perChannel);
                for (String path : List.of("/api/v1/rates", "/api/v1/rates?groupBy=district", "/api/v1/rates?area=440106&groupBy=street",
                        "/api/v1/rates?area=440106&groupBy=maintainer", "/api/v1/status?state=ONLINE&area=440106&limit=100")) {
                    latency(vigil, path, 20, 100);
                }
            }
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** p50/p99/max of one endpoint with one client, after a warm-up, at a million cameras. */
    private static void latency(VigilProcess vigil, String path, int warmup, int requests) throws Exception {
        for (int i = 0; i < warmup; i++) {
            BenchTools.get(vigil.url(path));
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            BenchTools.get(vigil.url(path));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-55s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", path, ms[requests / 2], ms[(int) Math.ceil(requests * 0.99) - 1],
                ms[requests - 1]);
    }

    /** Heap in use right after two full collections (jcmd GC.run), from Vigil's own metrics. */
    private static long liveHeap(VigilProcess vigil) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(vigil.process.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
        }
        return (long) BenchTools.metricSum(BenchTools.get(vigil.url("/q/metrics")), "jvm_memory_used_bytes{area=\"heap\"");
    }
}
