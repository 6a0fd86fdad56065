package city.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deep checks per core-minute: Vigil decoding and diagnosing 640×360 sub-streams from the simulator (open, first
 * keyframe, a frame a second later, all diagnostics, the snapshot, the stored diagnosis), driven through
 * {@code POST /cameras/{id}/diagnosis} by {@code clients} concurrent callers; then the DESIGN §5 peer, {@code ffmpeg
 * -rtsp_transport tcp -i URL -frames:v 1 -f null -}, one process per check with the same concurrency, on the same
 * streams, in the same run. CPU: Vigil's own from /proc; ffmpeg's as the children's time this JVM reaped.
 */
public final class DeepBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar"));
        int cameras = Integer.parseInt(System.getProperty("cameras", "200"));
        int clients = Integer.parseInt(System.getProperty("clients", "8"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "60"));
        String frozenWindow = System.getProperty("frozenWindow", "1s");
        // Checks before the measured ones: the JIT compiles Vigil's hot paths in the first half minute, and a service
        // runs for months, so its steady state is the figure (the CLI pays its process start on every check by design).
        int warmup = Integer.parseInt(System.getProperty("warmupSeconds", "30"));
        // -DfrozenMotionBits=1e9: decode and compare the frozen-check frame on every check, whatever the coded motion.
        String frozenMotionBits = System.getProperty("frozenMotionBits", "0.01");
        // -DvigilOnly=true: skip the CLI side (the long RSS run over 10,000 checks).
        boolean vigilOnly = Boolean.getBoolean("vigilOnly");
        // -Dvia=sweep: Vigil's own sweeps drive the checks (as in production) instead of check-now calls over HTTP.
        boolean sweep = "sweep".equals(System.getProperty("via", "api"));
        String pgHost = System.getProperty("pg.host", "127.0.0.1:5432");
        String db = System.getProperty("db", "vigil_bench_deep");
        Path work = Path.of(System.getProperty("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        Path ledger = work.resolve("deep-fleet.csv");

        Process sim = BenchTools.startHealthySimulator(jar, "1g", cameras, work, ledger);
        try {
            int rtsp = BenchTools.awaitSimulatorReady(sim)[0];
            List<String> ids = new ArrayList<>();
            try (var lines = Files.lines(ledger, StandardCharsets.UTF_8)) {
                lines.skip(1).forEach(l -> ids.add(l.substring(0, 20)));
            }
            System.out.printf("Deep benchmark: %d simulated cameras, 640x360 sub-streams, %d concurrent checks, %d s warm-up, %d s each side, "
                    + "frozen window %s (compared below %s bits per pixel), %d cores%n", cameras, clients, warmup, seconds, frozenWindow,
                    frozenMotionBits, Runtime.getRuntime().availableProcessors());
            BenchTools.recreateDatabase(pgHost, db);
            Result vigil;
            try (VigilProcess v = VigilProcess.start(jar, Map.of("VIGIL_DB_URL", "jdbc:postgresql://" + pgHost + "/" + db, "VIGIL_DB_USER", "postgres"),
                    List.of("-Xmx1g", "-Dvigil.monitor.enabled=" + sweep, "-Dvigil.deep.enabled=" + sweep, "-Dvigil.deep.concurrency=" + clients,
                            // Sweeps every 2 s ask for more checks than the pool can do: it runs flat out.
                            "-Dvigil.deep.class1-interval=2s", "-Dvigil.deep.interval=2s", "-Dvigil.deep.start-delay=5s",
                            "-Dvigil.deep.retry-interval=1h",
                            // Every simulated camera is on one loopback host: let each client have its session (and liveness two).
                            "-Dvigil.probe.per-host=" + (clients + 2),
                            "-Dvigil.deep.frozen-window=" + frozenWindow, "-Dvigil.deep.thresholds.frozen-motion-bits=" + frozenMotionBits,
                            "-Dvigil.probe.targets.allow-loopback=true", "-Dvigil.probe.targets.allowed-cidrs=127.0.0.0/8"),
                    work.resolve("vigil-deep.log"))) {
                BenchTools.importJob(v, ledger, "cameras", "text/csv", () -> { });
                long pid = v.process.pid();
                if (sweep) {
                    vigil = sweeps(v, pid, warmup, seconds);
                    System.out.println();
                    vigil.print("Vigil sweeps (decode, diagnose, snapshot, store)");
                    return;
                }
                drive(clients, warmup, ids, id -> check(v, id));
                long rssBefore = BenchTools.rssKb(pid);
                RssTrail trail = RssTrail.start(pid);
                long cpu0 = BenchTools.cpuTicks(pid);
                long t0 = System.nanoTime();
                List<Double> wall = drive(clients, seconds, ids, id -> check(v, id));
                double elapsed = (System.nanoTime() - t0) / 1e9;
                double cpu = (BenchTools.cpuTicks(pid) - cpu0) / BenchTools.CLOCK_TICKS;
                vigil = new Result(wall, elapsed, cpu);
                System.out.printf("Vigil: RSS %d MB before the measured checks, %d MB after %d more%n", rssBefore >> 10,
                        BenchTools.rssKb(pid) >> 10, wall.size());
                trail.stopAndPrint();
            }
            if (vigilOnly) {
                System.out.println();
                vigil.print("Vigil (decode, diagnose, snapshot, store)");
                return;
            }
            long children0 = childrenCpuTicks();
            long t0 = System.nanoTime();
            List<Double> wall = drive(clients, seconds, ids, id -> ffmpeg("rtsp://127.0.0.1:" + rtsp + "/cam/" + id + "/sub"));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            Result cli = new Result(wall, elapsed, (childrenCpuTicks() - children0) / BenchTools.CLOCK_TICKS);

            System.out.println();
            System.out.printf("%-44s %8s %12s %14s %10s %10s%n", "deep check", "checks", "checks/s", "per core-min", "wall p50", "wall p99");
            vigil.print("Vigil (decode, diagnose, snapshot, store)");
            cli.print("ffmpeg -frames:v 1 (one process each)");
            System.out.printf("ratio Vigil / ffmpeg CLI per core-minute: %.1f%n", vigil.perCoreMinute() / cli.perCoreMinute());
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Lets the sweeps run {@code warmup} s, then counts checks and CPU over {@code seconds}; wall times are not known this way. */
    private static Result sweeps(VigilProcess v, long pid, int warmup, int seconds) throws Exception {
        Thread.sleep(warmup * 1000L);
        double checks0 = BenchTools.metricSum(BenchTools.get(v.url("/q/metrics")), "vigil_deep_checks_total{");
        long cpu0 = BenchTools.cpuTicks(pid);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double checks = BenchTools.metricSum(BenchTools.get(v.url("/q/metrics")), "vigil_deep_checks_total{") - checks0;
        double cpu = (BenchTools.cpuTicks(pid) - cpu0) / BenchTools.CLOCK_TICKS;
        List<Double> none = new ArrayList<>(Collections.nCopies((int) checks, Double.NaN));
        return new Result(none, (System.nanoTime() - t0) / 1e9, cpu);
    }

    /** RSS of the process every 10 s while the checks run: a leak shows as a rising trail, not one number. */
    static final class RssTrail {
        private final List<Long> mb = Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        static RssTrail start(long pid) {
            RssTrail t = new RssTrail();
            t.timer.scheduleAtFixedRate(() -> {
                try {
                    t.mb.add(BenchTools.rssKb(pid) >> 10);
                } catch (IOException e) {
                    // The process is gone: the trail ends here.
                }
            }, 0, 10, TimeUnit.SECONDS);
            return t;
        }

        void stopAndPrint() {
            timer.shutdownNow();
            List<Long> s = new ArrayList<>(mb);
            if (s.size() < 2) {
                return;
            }
            int half = s.size() / 2;
            System.out.printf("Vigil RSS every 10 s (MB): %s%n  first half max %d, second half max %d, min %d, max %d%n", s,
                    Collections.max(s.subList(0, half)), Collections.max(s.subList(half, s.size())), Collections.min(s), Collections.max(s));
        }
    }

    record Result(List<Double> wallSeconds, double elapsed, double cpuSeconds) {
        double perCoreMinute() {
            return wallSeconds.size() / (cpuSeconds / 60);
        }

        void print(String name) {
            List<Double> sorted = new ArrayList<>(wallSeconds);
            Collections.sort(sorted);
            double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
            double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
            System.out.printf("%-44s %8d %12.1f %14.0f %9.2fs %9.2fs   (CPU %.1f s)%n", name, sorted.size(), sorted.size() / elapsed,
                    perCoreMinute(), p50, p99, cpuSeconds);
        }
    }

    interface Check {
        boolean run(String id) throws Exception;
    }

    /** {@code clients} threads running checks back to back over the cameras for {@code seconds}; wall times of successes. */
    private static List<Double> drive(int clients, int seconds, List<String> ids, Check check) throws InterruptedException {
        List<Double> wall = Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String id = ids.get((int) (next.getAndIncrement() % ids.size()));
                    long t = System.nanoTime();
                    try {
                        if (check.run(id)) {
                            wall.add((System.nanoTime() - t) / 1e9);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            System.out.printf("  (%d checks failed)%n", failures.get());
        }
        return wall;
    }

    private static boolean check(VigilProcess vigil, String id) throws Exception {
        HttpResponse<String> r = BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create(vigil.url("/api/v1/cameras/" + id + "/diagnosis")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains("\"decoded\":true");
    }

    private static boolean ffmpeg(String url) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp", "-i", url, "-frames:v", "1",
                "-f", "null", "-").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** CPU of the child processes this JVM has reaped (cutime + cstime), in clock ticks. */
    private static long childrenCpuTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
}
