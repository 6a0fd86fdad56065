package city.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import city.vigil.testsupport.SimulatedCameras;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens every RTSP scenario with FFmpeg (JavaCV) and asserts what a client sees. */
class SimulatorRtspTest {
    private static SimulatedCameras cameras;
    private static Simulator sim;

    @BeforeAll
    static void start() {
        cameras = new SimulatedCameras();
        sim = cameras.simulator();
    }

    @AfterAll
    static void stop() {
        cameras.close();
    }

    private static String camera(Scenario scenario) {
        return cameras.add(scenario);
    }

    private static String url(String id) {
        return sim.rtspUrl(id, Resolution.SUB);
    }

    private static BufferedImage pictureOf(Scenario scenario) throws Exception {
        try (StreamClient client = new StreamClient(url(camera(scenario)), 5000)) {
            // Past the first keyframe and a few frames, as a probe judging a picture would.
            return client.imageAfter(5);
        }
    }

    @Test
    void a_healthy_camera_streams_decodable_640x360_h264() throws Exception {
        try (StreamClient client = new StreamClient(url(camera(Scenario.HEALTHY)), 5000)) {
            assertThat(client.width()).isEqualTo(640);
            assertThat(client.height()).isEqualTo(360);
            BufferedImage first = client.nextImage();
            BufferedImage later = client.imageAfter(24);
            assertThat(first).isNotNull();
            assertThat(later).isNotNull();
            assertThat(ImageStats.difference(first, later)).as("the scene moves").isGreaterThan(1.0);
            assertThat(ImageStats.meanLuma(later)).isBetween(40.0, 200.0);
        }
    }

    @Test
    void the_main_stream_is_1080p() throws Exception {
        String id = camera(Scenario.HEALTHY);
        try (StreamClient client = new StreamClient(sim.rtspUrl(id, Resolution.MAIN), 8000)) {
            assertThat(client.width()).isEqualTo(1920);
            assertThat(client.height()).isEqualTo(1080);
            assertThat(client.nextImage()).isNotNull();
        }
    }

    @Test
    void a_hung_camera_times_the_client_out() {
        String id = camera(Scenario.HANG);
        long started = System.nanoTime();
        assertThatThrownBy(() -> new StreamClient(url(id), 1000).close()).isInstanceOf(FFmpegFrameGrabber.Exception.class);
        // FFmpeg retries the open once, so the wait is about twice the timeout (TOOLCHAIN.md).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(6));
    }

    @Test
    void a_refused_camera_points_at_a_closed_port() {
        String id = camera(Scenario.REFUSED);
        assertThat(url(id)).doesNotContain(":" + sim.rtspPort() + "/");
        assertThatThrownBy(() -> new StreamClient(url(id), 2000).close()).isInstanceOf(FFmpegFrameGrabber.Exception.class);
    }

    @Test
    void a_missing_path_and_an_unknown_camera_are_404() throws Exception {
        String id = camera(Scenario.NOT_FOUND);
        assertThat(rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\nCSeq: 2\r\n\r\n")).startsWith("RTSP/1.0 404");
        assertThat(rawRequest("DESCRIBE rtsp://127.0.0.1:" + sim.rtspPort() + "/cam/nobody/sub RTSP/1.0\r\nCSeq: 2\r\n\r\n"))
                .startsWith("RTSP/1.0 404");
        assertThatThrownBy(() -> new StreamClient(url(id), 2000).close()).isInstanceOf(FFmpegFrameGrabber.Exception.class);
    }

    @Test
    void an_auth_required_camera_answers_401_without_credentials_and_streams_with_them() throws Exception {
        String id = camera(Scenario.AUTH_REQUIRED);
        String answer = rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        assertThat(answer).startsWith("RTSP/1.0 401").contains("WWW-Authenticate: Digest realm=\"vigil-sim\"")
                .contains("WWW-Authenticate: Basic");
        assertThatThrownBy(() -> new StreamClient(url(id), 2000).close()).isInstanceOf(FFmpegFrameGrabber.Exception.class);
        assertThatThrownBy(() -> new StreamClient(url(id).replace("rtsp://", "rtsp://admin:wrong@"), 2000).close())
                .isInstanceOf(FFmpegFrameGrabber.Exception.class);
        try (StreamClient client = new StreamClient(url(id).replace("rtsp://", "rtsp://admin:vigil-sim@"), 5000)) {
            assertThat(client.nextImage()).isNotNull();
        }
        String basic = java.util.Base64.getEncoder().encodeToString("admin:vigil-sim".getBytes(StandardCharsets.UTF_8));
        assertThat(rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\nCSeq: 3\r\nAuthorization: Basic " + basic + "\r\n\r\n"))
                .startsWith("RTSP/1.0 200").contains("sprop-parameter-sets=");
    }

    @Test
    void a_no_video_camera_describes_a_stream_but_sends_no_frames() throws Exception {
        String id = camera(Scenario.NO_VIDEO);
        assertThat(rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\nCSeq: 2\r\n\r\n")).startsWith("RTSP/1.0 200").contains("m=video");
        try (StreamClient client = new StreamClient(url(id), 1500)) {
            assertThat(client.nextImage()).isNull();
        } catch (FFmpegFrameGrabber.Exception e) {
            // FFmpeg may already give up while probing the stream for its first packets: no frames either way.
            assertThat(e).hasMessageContaining("start");
        }
    }

    @Test
    void a_drop_after_camera_stops_streaming() throws Exception {
        String id = camera(Scenario.DROP_AFTER);
        sim.fleet().put(sim.fleet().get(id).orElseThrow().withTimings(null, Duration.ofSeconds(3), null));
        try (StreamClient client = new StreamClient(url(id), 2000)) {
            assertThat(client.nextImage()).isNotNull();
            int frames = 0;
            while (client.nextImage() != null && frames < 200) {
                frames++;
            }
            // The session starts at the last keyframe (up to a GOP, 50 frames, sent at once), then 3 s live at 25 fps.
            assertThat(frames).as("frames before the drop").isBetween(70, 130);
        }
    }

    @Test
    void a_slow_camera_answers_after_its_delay() throws Exception {
        String id = camera(Scenario.SLOW);
        sim.fleet().put(sim.fleet().get(id).orElseThrow().withTimings(Duration.ofMillis(1200), null, null));
        long started = System.nanoTime();
        assertThat(rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\nCSeq: 2\r\n\r\n")).startsWith("RTSP/1.0 200");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void a_flapping_camera_alternates_between_up_and_down() throws Exception {
        String id = camera(Scenario.FLAPPING);
        sim.fleet().put(sim.fleet().get(id).orElseThrow().withTimings(null, null, Duration.ofMillis(700)));
        boolean[] seen = new boolean[2];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(150)).until(() -> {
            String answer;
            try {
                answer = rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\nCSeq: 2\r\n\r\n");
            } catch (java.io.IOException e) {
                answer = "";
            }
            seen[answer.startsWith("RTSP/1.0 200") ? 0 : 1] = true;
            return seen[0] && seen[1];
        });
    }

    @Test
    void a_frozen_camera_repeats_the_same_picture() throws Exception {
        try (StreamClient client = new StreamClient(url(camera(Scenario.FROZEN)), 5000)) {
            BufferedImage a = client.imageAfter(2);
            BufferedImage b = client.imageAfter(10);
            assertThat(ImageStats.difference(a, b)).isLessThan(1.0);
        }
    }

    @Test
    void image_faults_show_in_the_decoded_picture() throws Exception {
        BufferedImage normal = pictureOf(Scenario.HEALTHY);
        assertThat(ImageStats.meanLuma(pictureOf(Scenario.BLACK))).as("black").isLessThan(20);
        assertThat(ImageStats.meanLuma(pictureOf(Scenario.TOO_DARK))).as("too dark").isLessThan(25);
        assertThat(ImageStats.meanLuma(pictureOf(Scenario.OVEREXPOSED))).as("overexposed").isGreaterThan(200);
        double[] cast = ImageStats.meanRgb(pictureOf(Scenario.COLOUR_CAST));
        assertThat(cast[2]).as("colour cast: blue dominates red").isGreaterThan(cast[0] * 2);
        assertThat(ImageStats.sharpness(pictureOf(Scenario.BLURRED))).as("blurred").isLessThan(ImageStats.sharpness(normal) / 4);
        assertThat(ImageStats.sharpness(pictureOf(Scenario.NOISE))).as("snow").isGreaterThan(ImageStats.sharpness(normal) * 4);
        assertThat(ImageStats.uniformShare(pictureOf(Scenario.OCCLUDED))).as("occluded").isGreaterThan(0.7);
        assertThat(ImageStats.difference(pictureOf(Scenario.SCENE_CHANGED), normal)).as("scene changed").isGreaterThan(15);
    }

    @Test
    void a_scenario_switched_at_runtime_takes_effect_for_the_next_client() throws Exception {
        String id = camera(Scenario.HEALTHY);
        try (StreamClient client = new StreamClient(url(id), 3000)) {
            assertThat(client.nextImage()).isNotNull();
        }
        sim.fleet().switchTo(id, Scenario.NOT_FOUND);
        assertThatThrownBy(() -> new StreamClient(url(id), 2000).close()).isInstanceOf(FFmpegFrameGrabber.Exception.class);
        sim.fleet().switchTo(id, Scenario.BLACK);
        try (StreamClient client = new StreamClient(url(id), 3000)) {
            assertThat(ImageStats.meanLuma(client.imageAfter(3))).isLessThan(20);
        }
    }

    @Test
    void malformed_requests_get_rtsp_errors_and_the_server_keeps_serving() throws Exception {
        String id = camera(Scenario.HEALTHY);
        assertThat(rawRequest("DESCRIBE " + url(id) + " RTSP/1.0\r\n\r\n")).as("no CSeq").startsWith("RTSP/1.0 400");
        assertThat(rawRequest("DESCRIBE " + url(id) + " RTSP/2.0\r\nCSeq: 1\r\n\r\n")).startsWith("RTSP/1.0 505");
        assertThat(rawRequest("RECORD " + url(id) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")).startsWith("RTSP/1.0 405");
        assertThat(rawRequest("PLAY " + url(id) + " RTSP/1.0\r\nCSeq: 1\r\nSession: nope\r\n\r\n")).startsWith("RTSP/1.0 454");
        assertThat(rawRequest("SETUP " + url(id) + "/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n"))
                .startsWith("RTSP/1.0 461");
        assertThat(rawRequest("\u0001\u0002garbage\r\n\r\n")).startsWith("RTSP/1.0 400");
        assertThat(rawRequest("OPTIONS * RTSP/1.0\r\nCSeq: 7\r\n\r\n")).startsWith("RTSP/1.0 200").contains("CSeq: 7").contains("DESCRIBE");
        try (StreamClient client = new StreamClient(url(id), 3000)) {
            assertThat(client.nextImage()).isNotNull();
        }
    }

    @Test
    void a_client_that_vanishes_mid_stream_frees_its_session() throws Exception {
        String id = camera(Scenario.HEALTHY);
        String url = url(id);
        try (Socket socket = new Socket("127.0.0.1", sim.rtspPort())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            var in = socket.getInputStream();
            out.write(("SETUP " + url + "/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String setup = readHead(in);
            assertThat(setup).startsWith("RTSP/1.0 200").contains("interleaved=0-1");
            String session = setup.lines().filter(l -> l.startsWith("Session:")).findFirst().orElseThrow().substring(8).split(";")[0].trim();
            out.write(("PLAY " + url + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + session + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(in)).startsWith("RTSP/1.0 200").contains("RTP-Info: url=");
            assertThat(in.read()).as("interleaved RTP follows").isEqualTo('$');
            assertThat(sim.stats().streams()).isPositive();
        }
        // Closed without TEARDOWN: the server notices and stops the stream.
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().streams() == 0 && sim.stats().connections() == 0);
    }

    private static String readHead(java.io.InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        return head.toString();
    }

    @Test
    void refuses_to_bind_beyond_loopback_unless_told() {
        assertThatThrownBy(() -> Simulator.start(new SimConfig("0.0.0.0", 0, 0, 0, Path.of("target", "sim-clips"), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    /** Sends raw bytes to the RTSP port and returns the response head. */
    private static String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sim.rtspPort())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            StringBuilder head = new StringBuilder();
            String line;
            int contentLength = 0;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                head.append(line).append("\r\n");
                if (line.toLowerCase().startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            char[] body = new char[contentLength];
            int read = 0;
            while (read < contentLength) {
                int n = in.read(body, read, contentLength - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return head + "\r\n" + new String(body, 0, read);
        }
    }
}
