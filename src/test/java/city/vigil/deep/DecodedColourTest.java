package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deep tier reads the decoder's planes in place instead of converting every frame to BGR. The colours it sees must
 * still be the camera's: a colour-cast verdict on wrong colours would be a false alarm. Planar Y′CbCr (H.264 4:2:0
 * limited range, MJPEG 4:2:0 and 4:2:2 full range, H.265 Main10) is read in place; anything else (here PNG's RGB) goes
 * through JavaCV's conversion. Needs FFmpeg's command line to make the streams (CI installs it, see .ci/run).
 */
class DecodedColourTest {
    private static final Color ORANGE = new Color(235, 90, 20);
    private static final Color SKY = new Color(20, 120, 235);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"libx264 yuv420p", "mjpeg yuvj420p", "mjpeg yuvj422p", "libx265 yuv420p10le", "png rgb24"})
    void the_sample_and_the_snapshot_show_the_colours_the_camera_sent(String stream) throws Exception {
        String[] codecAndFormat = stream.split(" ");
        Path clip = dir.resolve(codecAndFormat[0] + "-" + codecAndFormat[1] + ".mkv");
        encode(clip, codecAndFormat[0], codecAndFormat[1]);

        DeepGrabber.Grab grab = new DeepGrabber(Duration.ofSeconds(10), Duration.ZERO, Diagnostics.Thresholds.defaults()).grab(clip.toString(), null, null);

        assertThat(grab.decoded()).as(grab.detail()).isTrue();
        FrameSample sample = grab.sample();
        assertColour(sample, FrameSample.WIDTH / 4, FrameSample.HEIGHT / 2, ORANGE);
        assertColour(sample, FrameSample.WIDTH * 3 / 4, FrameSample.HEIGHT / 2, SKY);
        BufferedImage snapshot = ImageIO.read(new ByteArrayInputStream(grab.snapshotJpeg()));
        assertThat(snapshot.getWidth()).isEqualTo(320);
        assertThat(snapshot.getHeight()).isEqualTo(180);
        assertClose(new Color(snapshot.getRGB(80, 90)), ORANGE);
        assertClose(new Color(snapshot.getRGB(240, 90)), SKY);
    }

    private static void assertColour(FrameSample sample, int x, int y, Color expected) {
        int i = y * sample.width() + x;
        assertClose(new Color(sample.r(i), sample.g(i), sample.b(i)), expected);
    }

    private static void assertClose(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of " + actual + ", sent " + expected).isLessThanOrEqualTo(8);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green of " + actual + ", sent " + expected).isLessThanOrEqualTo(8);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue of " + actual + ", sent " + expected).isLessThanOrEqualTo(8);
    }

    /** Half orange, half sky blue, 640×360, by FFmpeg's command line (as a camera's encoder would convert RGB). */
    private static void encode(Path target, String codec, String pixelFormat) throws Exception {
        String picture = String.format("color=c=0x%06X:s=640x360:d=0.4,drawbox=x=320:y=0:w=320:h=360:t=fill:color=0x%06X",
                ORANGE.getRGB() & 0xFFFFFF, SKY.getRGB() & 0xFFFFFF);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", picture, "-c:v", codec,
                "-pix_fmt", pixelFormat, "-q:v", "2", target.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ffmpeg.waitFor()).as(output).isZero();
    }
}
