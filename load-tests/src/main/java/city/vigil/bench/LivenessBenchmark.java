package city.vigil.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Liveness probes per CPU-second: Vigil monitoring {@code cameras} simulated channels (RTSP OPTIONS + DESCRIBE, every
 * result through the state machine), then Prometheus blackbox_exporter probing the same simulator (tcp module with an
 * OPTIONS query/response, the DESIGN §5 peer) as fast as {@code bbClients} concurrent scrapes drive it. Each figure is
 * probes completed ÷ CPU-seconds of that prober's own process, read from /proc, so the simulator's and the driver's
 * CPU are not counted against either.
 */
public final class LivenessBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        int cameras = Integer.parseInt(System.getProperty("cameras", "100000"));
        String interval = System.getProperty("interval", "15s");
        int warmup = Integer.parseInt(System.getProperty("warmupSeconds", "20"));
        int measure = Integer.parseInt(System.getProperty("measureSeconds", "60"));
        int bbClients = Integer.parseInt(System.getProperty("bbClients", "64"));
        int bbSeconds = Integer.parseInt(System.getProperty("bbSeconds", "30"));
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        String db = System.getProperty("db", "vigil_bench_liveness");
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        Path ledger = work.resolve("liveness-fleet.csv");

        Process sim = BenchTools.startHealthySimulator(jar, "2g", cameras, work, ledger);
        try {
            int rtsp = BenchTools.awaitSimulatorReady(sim)[0];
            System.out.printf("Liveness benchmark: %d simulated cameras (pid %d), every class probed every %s, %d cores%n", cameras,
                    sim.pid(), interval, Runtime.getRuntime().availableProcessors());
            Result vigil = vigil(jar, ledger, cameras, interval, warmup, measure, pgHost, db, work, sim.pid());
            Result peer = blackbox(rtsp, firstCamera(ledger), bbClients, bbSeconds, work, sim.pid());
            System.out.println();
            System.out.printf("%-34s %10s %10s %12s %14s%n", "prober", "probes/s", "CPU cores", "probes/CPU-s", "simulator CPU");
            vigil.print("Vigil (OPTIONS+DESCRIBE, state)");
            peer.print("blackbox_exporter (tcp OPTIONS)");
            System.out.printf("ratio Vigil / blackbox_exporter per CPU-second: %.2f%n", vigil.perCpuSecond() / peer.perCpuSecond());
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Result(long probes, long succeeded, double seconds, double cpuSeconds, double simCpuSeconds) {
        double perCpuSecond() {
            return probes / cpuSeconds;
        }

        void print(String name) {
            System.out.printf("%-34s %10.0f %10.2f %12.0f %14.2f   (%.1f%% succeeded)%n", name, probes / seconds, cpuSeconds / seconds,
                    perCpuSecond(), simCpuSeconds / seconds, 100.0 * succeeded / Math.max(1, probes));
        }
    }

    private static Result vigil(Path jar, Path ledger, int cameras, String interval, int warmup, int measure, String pgHost, String db,
                                Path work, long simPid) throws Exception {
        BenchTools.recreateDatabase(pgHost, db);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Dvigil.probe.targets.allow-loopback=true", "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8",
                // Every simulated camera shares 127.0.0.1: the per-device budget would otherwise cap the whole run at 2.
                "-Dvigil.probe.per-host=100000", "-Dvigil.monitor.max-in-flight=1000", "-Dvigil.deep.enabled=false"));
        for (String pointClass : List.of("1", "2", "3", "4", "9")) {
            jvm.add("-Dvigil.monitor.class." + pointClass + ".interval=" + interval);
        }
        try (VigilProcess vigil = VigilProcess.start(jar, Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + db,
                "VIGIL_DB_USER", "postgres"), jvm, work.resolve("vigil-liveness.log"))) {
            BenchTools.importJob(vigil, ledger, "cameras", "text/csv", () -> { });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (BenchTools.JSON.readTree(BenchTools.get(vigil.url("/api/v1/monitor"))).path("channels").asInt() < cameras) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the monitor did not pick up the imported cameras");
                }
                Thread.sleep(200);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            long pid = vigil.process.pid();
            String before = BenchTools.get(vigil.url("/q/metrics"));
            long cpu0 = BenchTools.cpuTicks(pid);
            long sim0 = BenchTools.cpuTicks(simPid);
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(measure));
            String after = BenchTools.get(vigil.url("/q/metrics"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (BenchTools.cpuTicks(pid) - cpu0) / BenchTools.CLOCK_TICKS;
            double simCpu = (BenchTools.cpuTicks(simPid) - sim0) / BenchTools.CLOCK_TICKS;
            long probes = (long) (BenchTools.metricSum(after, "vigil_monitor_probes_total{") - BenchTools.metricSum(before, "vigil_monitor_probes_total{"));
            long up = (long) (BenchTools.metricSum(after, "vigil_monitor_probes_total{outcome=\"up\"")
                    - BenchTools.metricSum(before, "vigil_monitor_probes_total{outcome=\"up\""));
            System.out.printf("Vigil: %d probes in %.1f s, skipped (queue full) %.0f; schedule lag p50 ≤ %.3f s, p99 ≤ %.3f s; "
                            + "probe latency p50 ≤ %.4f s, p99 ≤ %.4f s; heap %d MB, RSS %d MB%n",
                    probes, seconds, BenchTools.metricSum(after, "vigil_monitor_probes_skipped_total") - BenchTools.metricSum(before, "vigil_monitor_probes_skipped_total"),
                    BenchTools.histogramQuantile(before, after, "vigil_monitor_schedule_lag_seconds", 0.5),
                    BenchTools.histogramQuantile(before, after, "vigil_monitor_schedule_lag_seconds", 0.99),
                    BenchTools.histogramQuantile(before, after, "vigil_monitor_probe_latency_seconds", 0.5),
                    BenchTools.histogramQuantile(before, after, "vigil_monitor_probe_latency_seconds", 0.99),
                    (long) BenchTools.metricSum(after, "jvm_memory_used_bytes{area=\"heap\"") >> 20, BenchTools.rssKb(pid) >> 10);
            return new Result(probes, up, seconds, cpu, simCpu);
        }
    }

    private static Result blackbox(int rtsp, String cameraId, int clients, int seconds, Path work, long simPid) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = work.resolve("blackbox.yml");
        Files.writeString(config, "modules:\n  rtsp_options:\n    prober: tcp\n    timeout: 5s\n    tcp:\n      query_response:\n"
                + "        - send: \"OPTIONS rtsp://127.0.0.1:" + rtsp + "/cam/" + cameraId + "/main RTSP/1.0\\r\\nCSeq: 1\\r\\n\\r\\n\"\n"
                + "        - expect: \"^RTSP/1.0 200\"\n", StandardCharsets.UTF_8);
        Process bb = new ProcessBuilder("prometheus-blackbox-exporter", "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(work.resolve("blackbox.log").toFile()).start();
        try {
            String probe = "http://127.0.0.1:" + port + "/probe?module=rtsp_options&target=127.0.0.1:" + rtsp;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try {
                    if (BenchTools.get(probe).contains("probe_success 1")) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline || !bb.isAlive()) {
                    throw new IllegalStateException("blackbox_exporter did not answer a successful probe; see " + work.resolve("blackbox.log"));
                }
                Thread.sleep(100);
            }
            AtomicLong done = new AtomicLong();
            AtomicLong ok = new AtomicLong();
            drive(probe, clients, 5, new AtomicLong(), new AtomicLong());
            long cpu0 = BenchTools.cpuTicks(bb.pid());
            long sim0 = BenchTools.cpuTicks(simPid);
            long t0 = System.nanoTime();
            drive(probe, clients, seconds, done, ok);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double cpu = (BenchTools.cpuTicks(bb.pid()) - cpu0) / BenchTools.CLOCK_TICKS;
            double simCpu = (BenchTools.cpuTicks(simPid) - sim0) / BenchTools.CLOCK_TICKS;
            return new Result(done.get(), ok.get(), elapsed, cpu, simCpu);
        } finally {
            bb.destroy();
            bb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code clients} threads scraping the probe endpoint back to back for {@code seconds}. */
    private static void drive(String probe, int clients, int seconds, AtomicLong done, AtomicLong ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        HttpRequest request = HttpRequest.newBuilder(URI.create(probe)).build();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        String body = BenchTools.HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        done.incrementAndGet();
                        if (body.contains("probe_success 1")) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        done.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
    }

    private static String firstCamera(Path ledger) throws Exception {
        try (var lines = Files.lines(ledger, StandardCharsets.UTF_8)) {
            return lines.skip(1).findFirst().orElseThrow().substring(0, 20);
        }
    }
}
