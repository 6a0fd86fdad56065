package city.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.vigil.testsupport.SimulatedCameras;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP streams (live MPEG-TS, HTTP-FLV, HLS) as FFmpeg and a plain HTTP client see them. */
class SimulatorHttpTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");
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

    @Test
    void live_mpeg_ts_is_chunked_188_byte_packets_that_decode() throws Exception {
        String id = camera(Scenario.HEALTHY);
        String url = sim.httpUrl(id, Resolution.SUB, "ts");
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("video/mp2t");
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(188 * 20);
            for (int i = 0; i < head.length; i += 188) {
                assertThat(head[i]).as("sync byte at " + i).isEqualTo((byte) 0x47);
            }
        }
        try (StreamClient client = new StreamClient(url, 5000)) {
            assertThat(client.width()).isEqualTo(640);
            assertThat(client.nextImage()).isNotNull();
            assertThat(client.imageAfter(30)).as("keeps streaming in real time").isNotNull();
        }
    }

    @Test
    void http_flv_starts_with_the_flv_header_and_a_video_tag_and_decodes() throws Exception {
        String id = camera(Scenario.HEALTHY);
        String url = sim.httpUrl(id, Resolution.SUB, "flv");
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(13 + 11 + 2);
            assertThat(new String(head, 0, 3)).isEqualTo("FLV");
            assertThat(head[13]).as("first tag is video").isEqualTo((byte) 9);
            assertThat(head[24]).as("AVC keyframe").isEqualTo((byte) 0x17);
            assertThat(head[25]).as("sequence header first").isEqualTo((byte) 0);
        }
        try (StreamClient client = new StreamClient(url, 5000)) {
            assertThat(client.nextImage()).isNotNull();
            assertThat(ImageStats.meanLuma(client.imageAfter(10))).isBetween(40.0, 200.0);
        }
    }

    @Test
    void hls_keeps_a_sliding_window_that_advances_and_decodes() throws Exception {
        String id = camera(Scenario.HEALTHY);
        String url = sim.httpUrl(id, Resolution.SUB, "m3u8");
        String playlist = get(url);
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-TARGETDURATION:2");
        assertThat(playlist.lines().filter(l -> l.endsWith(".ts")).count()).isBetween(1L, (long) HttpStreamConnection.WINDOW);
        long first = sequence(playlist);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).until(() -> sequence(get(url)) > first);
        try (StreamClient client = new StreamClient(url, 5000)) {
            assertThat(client.width()).isEqualTo(640);
            assertThat(client.nextImage()).isNotNull();
        }
    }

    @Test
    void a_stale_hls_playlist_stops_advancing() throws Exception {
        String id = camera(Scenario.STALE_HLS);
        String url = sim.httpUrl(id, Resolution.SUB, "m3u8");
        String liveUrl = sim.httpUrl(camera(Scenario.HEALTHY), Resolution.SUB, "m3u8");
        long first = sequence(get(url));
        long liveFirst = sequence(get(liveUrl));
        // Once a live playlist of the same server has moved on by two segments, the stale one would have too.
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).until(() -> sequence(get(liveUrl)) >= liveFirst + 2);
        assertThat(sequence(get(url))).isEqualTo(first);
    }

    @Test
    void http_streams_follow_the_scenarios() throws Exception {
        String locked = camera(Scenario.AUTH_REQUIRED);
        String url = sim.httpUrl(locked, Resolution.SUB, "flv");
        HttpResponse<Void> denied = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().allValues("www-authenticate")).anyMatch(v -> v.startsWith("Basic"));
        try (StreamClient client = new StreamClient(url.replace("http://", "http://admin:vigil-sim@"), 5000)) {
            assertThat(client.nextImage()).isNotNull();
        }
        String missing = camera(Scenario.NOT_FOUND);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(sim.httpUrl(missing, Resolution.SUB, "ts"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        String hung = camera(Scenario.HANG);
        assertThatThrownBy(() -> new StreamClient(sim.httpUrl(hung, Resolution.SUB, "ts"), 1000).close())
                .isInstanceOf(FFmpegFrameGrabber.Exception.class);
        String black = camera(Scenario.BLACK);
        try (StreamClient client = new StreamClient(sim.httpUrl(black, Resolution.SUB, "ts"), 5000)) {
            assertThat(ImageStats.meanLuma(client.imageAfter(3))).isLessThan(20);
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static long sequence(String playlist) {
        Matcher m = SEQUENCE.matcher(playlist);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
