package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import city.vigil.probe.ImageFault;
import city.vigil.testsupport.FfmpegCorpus;
import city.vigil.testsupport.FfmpegCorpus.Clip;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deep tier on pictures the simulator did not draw ({@link FfmpegCorpus}), served by software Vigil did not write:
 * GStreamer's RTSP server, ffmpeg's HLS muxer, and MPEG-TS over plain HTTP, besides the file itself. Every clip must
 * be diagnosed as exactly what it was made to show, on every transport: no missed fault, no false one. The confusion
 * matrices go to the test output and to {@code target/corpus/confusion.md} (recorded in load-tests/RESULTS.md).
 * CI installs ffmpeg and GStreamer (.ci/run); where they are missing this fails with the packages to install.
 */
class CorpusDiagnosisTest {
    private static final Path DIR = Path.of("target", "corpus");
    private static final Map<String, Clip> CLIPS = FfmpegCorpus.byName();
    private static HttpServer http;
    private static Process rtsp;
    private static int rtspPort;
    /** Debian's Python, which has GStreamer's bindings (a pyenv or venv one on the PATH may not). */
    private static final String PYTHON = new File("/usr/bin/python3").canExecute() ? "/usr/bin/python3" : "python3";

    private final DeepGrabber grabber = new DeepGrabber(Duration.ofSeconds(6), Duration.ofSeconds(1), Diagnostics.Thresholds.defaults());
    private final Diagnostics diagnostics = new Diagnostics(Diagnostics.Thresholds.defaults());

    enum Transport { FILE, MPEG_TS, HLS, RTSP }

    @BeforeAll
    static void serve() throws Exception {
        requireTools();
        FfmpegCorpus.make(DIR);
        Path hls = Files.createDirectories(DIR.resolve("hls"));
        for (Clip c : CLIPS.values()) {
            if (!Files.exists(hls.resolve(c.name() + ".m3u8"))) {
                Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", c.file(DIR).toString(), "-c", "copy",
                        "-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-hls_segment_filename", hls.resolve(c.name() + "-%d.ts").toString(),
                        hls.resolve(c.name() + ".m3u8").toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as(out).isZero();
            }
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            Path file = DIR.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(DIR) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            } catch (IOException e) {
                // The grab closes the connection once it has what it needs.
            }
            exchange.close();
        });
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.start();
        try (ServerSocket s = new ServerSocket(0)) {
            rtspPort = s.getLocalPort();
        }
        Path script = Path.of("src", "test", "resources", "corpus", "rtsp-server.py");
        rtsp = new ProcessBuilder(PYTHON, script.toString(), DIR.toString(), Integer.toString(rtspPort)).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(rtsp.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        assertThat(first).as("GStreamer's RTSP server started").startsWith("ready");
    }

    @AfterAll
    static void stop() throws Exception {
        if (http != null) {
            http.stop(0);
        }
        if (rtsp != null) {
            rtsp.getOutputStream().close();
            if (!rtsp.waitFor(5, TimeUnit.SECONDS)) {
                rtsp.destroyForcibly();
            }
        }
    }

    private static void requireTools() throws Exception {
        boolean ffmpeg = List.of(System.getenv("PATH").split(File.pathSeparator)).stream().anyMatch(d -> new File(d, "ffmpeg").canExecute());
        Process gst = new ProcessBuilder(PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0')").redirectErrorStream(true).start();
        boolean gstreamer = gst.waitFor() == 0;
        if (!ffmpeg || !gstreamer) {
            fail("The picture corpus needs Debian's ffmpeg and GStreamer's RTSP server: apt-get install ffmpeg python3-gst-1.0 "
                    + "gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good gstreamer1.0-plugins-bad (.ci/run does)");
        }
    }

    private static String url(Transport t, Clip c) {
        int port = http.getAddress().getPort();
        return switch (t) {
            case FILE -> "file:" + c.file(DIR).toAbsolutePath();
            case MPEG_TS -> "http://127.0.0.1:" + port + "/" + c.name() + ".ts";
            case HLS -> "http://127.0.0.1:" + port + "/hls/" + c.name() + ".m3u8";
            case RTSP -> "rtsp://127.0.0.1:" + rtspPort + "/" + c.name();
        };
    }

    @Test
    void ffmpegs_own_figures_confirm_every_label() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (Clip c : CLIPS.values()) {
            FfmpegCorpus.Figures f = FfmpegCorpus.figures(c.file(DIR));
            FfmpegCorpus.Figures base = FfmpegCorpus.figures(CLIPS.get(c.baseline()).file(DIR));
            Boolean confirmed = FfmpegCorpus.confirms(c, f, base);
            System.out.printf("%-24s %-14s %s%s%n", c.name(), c.fault() == null ? "healthy" : c.fault(), f,
                    confirmed == null ? "" : confirmed ? "" : "  ← ffmpeg disagrees");
            if (Boolean.FALSE.equals(confirmed)) {
                disagreements.add(c.name() + ": " + f);
            }
        }
        assertThat(disagreements).as("clips whose label ffmpeg's own filters contradict").isEmpty();
    }

    @Test
    void every_clip_is_diagnosed_as_what_it_shows_on_every_transport() throws Exception {
        StringBuilder report = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        for (Transport t : Transport.values()) {
            Map<String, DeepGrabber.Grab> grabs = grabAll(t);
            Map<String, Map<String, Integer>> matrix = new TreeMap<>();
            int missed = 0;
            int falseFaults = 0;
            for (Clip c : CLIPS.values()) {
                DeepGrabber.Grab grab = grabs.get(c.name());
                if (!grab.decoded()) {
                    wrong.add(t + " " + c.name() + ": nothing decoded (" + grab.detail() + ")");
                    continue;
                }
                Fingerprint baseline = Fingerprint.of(grabs.get(c.baseline()).sample());
                List<Verdict> verdicts = diagnostics.diagnose(grab.sample(), grab.motion(), new Diagnostics.History(baseline));
                Set<ImageFault> faults = Diagnostics.faults(verdicts);
                ImageFault primary = Diagnostics.primary(faults);
                String expected = c.fault() == null ? "healthy" : c.fault().name();
                matrix.computeIfAbsent(expected, k -> new TreeMap<>()).merge(primary == null ? "healthy" : primary.name(), 1, Integer::sum);
                Set<ImageFault> extra = EnumSet.noneOf(ImageFault.class);
                extra.addAll(faults);
                if (c.fault() != null) {
                    extra.remove(c.fault());
                }
                if (c.fault() != null && primary != c.fault()) {
                    missed++;
                }
                falseFaults += extra.size();
                if (primary != c.fault() || !extra.isEmpty()) {
                    wrong.add(t + " " + c.name() + ": expected " + expected + ", found " + faults + " — " + evidence(verdicts, faults, c.fault()));
                }
                List<Verdict> firstCheck = diagnostics.diagnose(grab.sample(), grab.motion(), new Diagnostics.History(null));
                if (c.fault() == null && !diagnostics.learnable(firstCheck)) {
                    wrong.add(t + " " + c.name() + ": a healthy view that its camera could never learn as its baseline — "
                            + evidence(firstCheck, Diagnostics.faults(firstCheck), null));
                }
                if (Math.abs(grab.fps() - 25) > 1.5) {
                    wrong.add(t + " " + c.name() + ": " + grab.fps() + " fps for a 25 fps stream (" + grab.detail() + ")");
                }
            }
            report.append(table(t, matrix, missed, falseFaults));
            if (t == Transport.FILE) {
                StringBuilder measures = new StringBuilder();
                for (Clip c : CLIPS.values()) {
                    DeepGrabber.Grab grab = grabs.get(c.name());
                    if (grab.decoded()) {
                        measures.append(String.format("%-24s %-14s", c.name(), c.fault() == null ? "healthy" : c.fault()));
                        for (Verdict v : diagnostics.diagnose(grab.sample(), grab.motion(),
                                new Diagnostics.History(Fingerprint.of(grabs.get(c.baseline()).sample())))) {
                            measures.append(" | ").append(v.fault()).append(v.failed() ? "!" : "").append(' ').append(v.evidence());
                        }
                        measures.append('\n');
                    }
                }
                Files.writeString(DIR.resolve("measures.txt"), measures.toString());
            }
        }
        System.out.println(report);
        Files.writeString(DIR.resolve("confusion.md"), report.toString());
        assertThat(wrong).as("clips diagnosed wrongly (matrices above)").isEmpty();
    }

    private static String evidence(List<Verdict> verdicts, Set<ImageFault> faults, ImageFault expected) {
        StringBuilder s = new StringBuilder();
        for (Verdict v : verdicts) {
            if (v.fault() == expected || faults.contains(v.fault())) {
                s.append(v.fault()).append(" [").append(v.evidence()).append("] ");
            }
        }
        return s.toString();
    }

    private Map<String, DeepGrabber.Grab> grabAll(Transport t) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(t == Transport.FILE ? 2 : 8);
        try {
            Map<String, Future<DeepGrabber.Grab>> futures = new LinkedHashMap<>();
            for (Clip c : CLIPS.values()) {
                futures.put(c.name(), pool.submit(() -> grabber.grab(url(t, c), null, null)));
            }
            Map<String, DeepGrabber.Grab> grabs = new LinkedHashMap<>();
            for (Map.Entry<String, Future<DeepGrabber.Grab>> e : futures.entrySet()) {
                grabs.put(e.getKey(), e.getValue().get(30, TimeUnit.SECONDS));
            }
            return grabs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String table(Transport t, Map<String, Map<String, Integer>> matrix, int missed, int falseFaults) {
        List<String> columns = new ArrayList<>(matrix.keySet());
        matrix.values().forEach(row -> row.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add));
        StringBuilder s = new StringBuilder("\n### ").append(t).append(": ").append(missed).append(" missed, ").append(falseFaults)
                .append(" false\n\n| made to show ↓ / diagnosed → | ").append(String.join(" | ", columns)).append(" |\n|---|");
        columns.forEach(c -> s.append("---|"));
        s.append('\n');
        matrix.forEach((expected, row) -> {
            s.append("| ").append(expected).append(" |");
            columns.forEach(c -> s.append(' ').append(row.getOrDefault(c, 0) == 0 ? "" : row.get(c)).append(" |"));
            s.append('\n');
        });
        return s.toString();
    }
}
