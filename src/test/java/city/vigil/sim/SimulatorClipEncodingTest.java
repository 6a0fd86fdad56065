package city.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1080p clip takes seconds to encode. While one camera's clip is being encoded (first start, empty cache), every
 * other camera must keep answering: a stalled server loop made the prober see healthy cameras time out.
 */
class SimulatorClipEncodingTest {
    @TempDir
    Path emptyClipCache;

    @Test
    void cameras_answer_while_another_cameras_clip_is_still_being_encoded() throws Exception {
        try (Simulator sim = Simulator.start(SimConfig.loopback(emptyClipCache))) {
            sim.prepare(Resolution.SUB, Picture.NORMAL);
            sim.fleet().add("44010600001320000001", Scenario.NOISE);
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(
                    () -> describe(sim.rtspUrl("44010600001320000001", Resolution.MAIN)));
            // Enough connections to land on every server loop, the one waiting for the clip among them.
            for (int i = 2; i < 18; i++) {
                String id = String.format("440106000013200000%02d", i);
                sim.fleet().add(id, Scenario.HEALTHY);
                assertThat(describe(sim.rtspUrl(id, Resolution.SUB))).as(id).isEqualTo("RTSP/1.0 200 OK");
            }
            assertThat(slow).as("the noisy 1080p clip is still being encoded").isNotDone();
            await().atMost(Duration.ofSeconds(120)).until(slow::isDone);
            assertThat(slow.join()).as("answered once its clip is ready").isEqualTo("RTSP/1.0 200 OK");
        }
    }

    /** An RTSP DESCRIBE over a plain socket: the status line of the answer. */
    private static String describe(String rtspUrl) {
        URI uri = URI.create(rtspUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(120_000);
            socket.getOutputStream().write(("DESCRIBE " + rtspUrl + " RTSP/1.0\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
