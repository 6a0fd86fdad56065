package city.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's streams as FFmpeg's own command-line prober sees them. Runs wherever ffprobe is installed; CI
 * installs it (.ci/run), so there a missing ffprobe fails instead of skipping.
 */
class FfprobeTest {
    private static Simulator sim;

    @BeforeAll
    static void start() {
        boolean installed = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
                .anyMatch(dir -> new File(dir, "ffprobe").canExecute());
        assumeTrue(installed || System.getenv("CI") != null, "ffprobe is not installed here (apt-get install ffmpeg)");
        sim = Simulator.start(SimConfig.loopback(Path.of("target", "sim-clips")));
        sim.fleet().add("44010600001329000001", Scenario.HEALTHY);
        sim.fleet().add("44010600001329000002", Scenario.HANG);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void ffprobe_sees_640x360_h264_on_every_protocol() throws Exception {
        String id = "44010600001329000001";
        for (String url : List.of(sim.rtspUrl(id, Resolution.SUB), sim.httpUrl(id, Resolution.SUB, "flv"),
                sim.httpUrl(id, Resolution.SUB, "ts"), sim.httpUrl(id, Resolution.SUB, "m3u8"))) {
            Result r = ffprobe(url);
            assertThat(r.exit).as(url + ": " + r.output).isZero();
            // Transport streams list their stream again under the program: compare the distinct lines.
            assertThat(r.output.lines().map(String::trim).filter(l -> !l.isEmpty()).distinct()).as(url).containsExactly("h264,640,360");
        }
        assertThat(ffprobe(sim.rtspUrl(id, Resolution.MAIN)).output.lines().filter(l -> !l.isBlank()).distinct()).containsExactly("h264,1920,1080");
    }

    @Test
    void ffprobe_gives_up_on_a_hung_camera() throws Exception {
        assertThat(ffprobe(sim.rtspUrl("44010600001329000002", Resolution.SUB)).exit).isNotZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result ffprobe(String url) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-timeout", "3000000"));
        if (url.startsWith("rtsp")) {
            command.addAll(List.of("-rtsp_transport", "tcp"));
        }
        command.addAll(List.of("-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
