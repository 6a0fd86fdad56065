package city.vigil.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An overview page left open on the demo fleet for {@code minutes} (30 by default) while cameras go down and up: the
 * browser's JS heap after a full collection, and the page's element count, sampled every minute, must stay flat.
 * The embedded default runs in a fresh work directory with its demo; every 20 s the benchmark flips a few healthy
 * demo cameras to refused and back through the simulator's control API, on top of the demo's own flapping cameras.
 */
public final class PageHeapBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("vigil.jar", "../target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        int minutes = Integer.parseInt(System.getProperty("minutes", "30"));
        Path work = Files.createTempDirectory("vigil-page-heap-");
        int control = freePort();
        System.out.printf("Page heap benchmark: the demo (2,000 cameras) in %s, an overview open for %d minutes%n", work, minutes);
        List<String> jvm = List.of("-Xmx1g", "-Dvigil.demo.rtsp-port=" + freePort(), "-Dvigil.demo.http-port=" + freePort(),
                "-Dvigil.demo.control-port=" + control);
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(BenchTools.java())) {
            {
                addAll(jvm);
                add("-Dquarkus.http.port=" + 18080);
                add("-jar");
                add(jar.toString());
            }
        }).directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("vigil.log").toFile());
        Process vigil = builder.start();
        try {
            String base = "http://127.0.0.1:18080";
            long deadline = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < deadline && !monitoredSome(base)) {
                Thread.sleep(1000);
            }
            List<String> healthy = new ArrayList<>();
            BenchTools.JSON.readTree(BenchTools.get(base + "/api/v1/cameras?tag=sim-healthy&limit=10")).path("items")
                    .forEach(c -> healthy.add(c.path("gbId").asText()));
            ChromeDriver browser = Chromium.open(1920, 1080);
            try {
                browser.get(base + "/?lang=zh");
                Thread.sleep(10_000);
                long firstHeap = Chromium.heapAfterGc(browser);
                long firstNodes = Chromium.nodes(browser);
                System.out.printf("%6s %12s %8s %8s%n", "minute", "JS heap KB", "elements", "feed");
                System.out.printf("%6d %12d %8d %8s%n", 0, firstHeap / 1024, firstNodes, browser.findElement(org.openqa.selenium.By.tagName("body"))
                        .getAttribute("data-feed"));
                SplittableRandom random = new SplittableRandom(1);
                long maxHeap = firstHeap;
                long lastHeap = firstHeap;
                long start = System.currentTimeMillis();
                for (int minute = 1; minute <= minutes; minute++) {
                    while (System.currentTimeMillis() < start + minute * 60_000L) {
                        // A few cameras go down, and come back 20 s later: the panels change every few seconds.
                        String id = healthy.get(random.nextInt(healthy.size()));
                        scenario(control, id, "refused");
                        Thread.sleep(20_000);
                        scenario(control, id, "healthy");
                    }
                    lastHeap = Chromium.heapAfterGc(browser);
                    maxHeap = Math.max(maxHeap, lastHeap);
                    System.out.printf("%6d %12d %8d %8s%n", minute, lastHeap / 1024, Chromium.nodes(browser),
                            browser.findElement(org.openqa.selenium.By.tagName("body")).getAttribute("data-feed"));
                }
                System.out.printf("JS heap after GC: %d KB at the start, %d KB after %d minutes (max %d KB): %+.1f%%%n", firstHeap / 1024,
                        lastHeap / 1024, minutes, maxHeap / 1024, (lastHeap - firstHeap) * 100.0 / firstHeap);
            } finally {
                browser.quit();
            }
        } finally {
            vigil.destroy();
            vigil.waitFor();
        }
    }

    private static boolean monitoredSome(String base) {
        try {
            return BenchTools.JSON.readTree(BenchTools.get(base + "/api/v1/rates")).path("total").path("monitored").asLong() > 1000;
        } catch (Exception e) {
            return false;
        }
    }

    private static void scenario(int control, String id, String scenario) throws Exception {
        BenchTools.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + "/sim/cameras/" + id + "/scenario"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"" + scenario + "\"}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
