package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.testsupport.SimulatedCameras;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Native memory is released on every path: after a warm-up, 160 more grabs (decoded, refused, not found) leave
 * the process's resident memory where it was. A grabber that kept its FFmpeg contexts would add megabytes each.
 */
class DeepGrabberLeakTest {

    @Test
    void repeated_grabs_do_not_grow_resident_memory() throws Exception {
        try (SimulatedCameras cameras = new SimulatedCameras()) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                urls.add(cameras.simulator().rtspUrl(cameras.add(Scenario.HEALTHY), Resolution.SUB));
            }
            urls.add(cameras.simulator().rtspUrl(cameras.add(Scenario.REFUSED), Resolution.SUB));
            urls.add(cameras.simulator().rtspUrl(cameras.add(Scenario.NOT_FOUND), Resolution.SUB));
            DeepGrabber grabber = new DeepGrabber(Duration.ofSeconds(3), Duration.ofSeconds(1), Diagnostics.Thresholds.defaults().comparingEveryTime());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                int decodedWarmUp = grabs(pool, grabber, urls, 48);
                assertThat(decodedWarmUp).as("healthy streams decode").isGreaterThan(0);
                System.gc();
                long before = rssKb();
                int decoded = grabs(pool, grabber, urls, 160);
                System.gc();
                long after = rssKb();
                System.out.printf("RSS %d MB after 48 warm-up grabs, %d MB after 160 more (%d decoded)%n", before >> 10, after >> 10, decoded);
                assertThat(decoded).isGreaterThan(60);
                assertThat(after - before).as("KiB of resident memory added by 160 grabs").isLessThan(48 * 1024);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int grabs(ExecutorService pool, DeepGrabber grabber, List<String> urls, int n) throws Exception {
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = urls.get(i % urls.size());
            done.add(pool.submit(() -> grabber.grab(url, null, null).decoded()));
        }
        int decoded = 0;
        for (Future<Boolean> f : done) {
            decoded += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        return decoded;
    }

    private static long rssKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
