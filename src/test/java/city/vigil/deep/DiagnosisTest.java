package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.probe.ImageFault;
import city.vigil.probe.ProbeCause;
import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.Simulator;
import city.vigil.testsupport.SimulatedCameras;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deep tier on real decoded streams: every simulator picture is grabbed from its RTSP sub-stream (640×360) and
 * diagnosed; the confusion matrix goes to the test output. Scene change needs the camera's learned baseline, which
 * comes from a grab of the normal street, as it would from an earlier check.
 */
class DiagnosisTest {
    private static final Map<Scenario, ImageFault> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(Scenario.HEALTHY, null);
        EXPECTED.put(Scenario.BLACK, ImageFault.BLACK);
        EXPECTED.put(Scenario.TOO_DARK, ImageFault.TOO_DARK);
        EXPECTED.put(Scenario.OVEREXPOSED, ImageFault.OVEREXPOSED);
        EXPECTED.put(Scenario.FROZEN, ImageFault.FROZEN);
        EXPECTED.put(Scenario.BLURRED, ImageFault.BLURRED);
        EXPECTED.put(Scenario.COLOUR_CAST, ImageFault.COLOUR_CAST);
        EXPECTED.put(Scenario.NOISE, ImageFault.NOISE);
        EXPECTED.put(Scenario.OCCLUDED, ImageFault.OCCLUDED);
        EXPECTED.put(Scenario.STRIPES, ImageFault.STRIPES);
        EXPECTED.put(Scenario.SCENE_CHANGED, ImageFault.SCENE_CHANGED);
    }

    private static SimulatedCameras cameras;
    private static Simulator sim;
    private final DeepGrabber grabber = new DeepGrabber(Duration.ofSeconds(5), Duration.ofSeconds(1), Diagnostics.Thresholds.defaults());
    private final Diagnostics diagnostics = new Diagnostics(Diagnostics.Thresholds.defaults());

    @BeforeAll
    static void start() {
        cameras = new SimulatedCameras();
        sim = cameras.simulator();
        // Encode every picture's clip up front, so grabs measure the stream, not the simulator's first-use encoding.
        sim.prepare(city.vigil.sim.Picture.values());
    }

    @AfterAll
    static void stop() {
        cameras.close();
    }

    private DeepGrabber.Grab grab(String id) {
        return grabber.grab(sim.rtspUrl(id, Resolution.SUB), null, null);
    }

    @Test
    void every_picture_fault_is_diagnosed_as_itself_and_healthy_streams_as_healthy() throws Exception {
        // The baseline a camera learned while its view was normal; every camera here films the same street.
        DeepGrabber.Grab normal = grab(cameras.add(Scenario.HEALTHY));
        assertThat(normal.decoded()).as(normal.detail()).isTrue();
        Fingerprint baseline = Fingerprint.of(normal.sample());

        Map<Scenario, ImageFault> diagnosed = new EnumMap<>(Scenario.class);
        Map<Scenario, String> evidence = new LinkedHashMap<>();
        Map<Scenario, Boolean> compared = new EnumMap<>(Scenario.class);
        // Grabs wait for keyframes (the simulator's GOP is 2 s), not for CPU: run them side by side.
        ExecutorService pool = Executors.newFixedThreadPool(EXPECTED.size());
        Map<Scenario, Future<DeepGrabber.Grab>> grabs = new EnumMap<>(Scenario.class);
        for (Scenario scenario : EXPECTED.keySet()) {
            String id = cameras.add(scenario);
            grabs.put(scenario, pool.submit(() -> grab(id)));
        }
        for (Scenario scenario : EXPECTED.keySet()) {
            DeepGrabber.Grab now = grabs.get(scenario).get(30, TimeUnit.SECONDS);
            assertThat(now.decoded()).as(scenario + ": " + now.detail()).isTrue();
            assertThat(now.motion().spanMicros()).as(scenario + ": watched a second on").isGreaterThanOrEqualTo(1_000_000);
            List<Verdict> verdicts = diagnostics.diagnose(now.sample(), now.motion(), new Diagnostics.History(baseline));
            assertThat(verdicts).as(scenario + ": a frozen verdict, compared or from the coded motion").anyMatch(v -> v.fault() == ImageFault.FROZEN);
            compared.put(scenario, now.motion().later() != null);
            Set<ImageFault> faults = Diagnostics.faults(verdicts);
            diagnosed.put(scenario, Diagnostics.primary(faults));
            evidence.put(scenario, faults + " " + verdicts.stream().map(v -> v.fault() + "=" + v.score()).toList());
            // Joining a live stream waits for its next keyframe: at most one 2 s GOP, plus the open.
            assertThat(now.timeToFirstFrame()).as("time to first frame").isPositive().isLessThan(Duration.ofSeconds(4));
            assertThat(now.width()).isEqualTo(640);
            assertThat(now.snapshotJpeg()).as("a JPEG snapshot").isNotEmpty();
        }
        pool.shutdown();
        printConfusionMatrix(diagnosed);
        evidence.forEach((s, e) -> System.out.println(s + ": " + e));
        for (Map.Entry<Scenario, ImageFault> e : EXPECTED.entrySet()) {
            assertThat(diagnosed.get(e.getKey())).as(e.getKey() + " " + evidence.get(e.getKey())).isEqualTo(e.getValue());
        }
        // Only a picture whose coding looks still costs the decode of a second frame; a moving street does not.
        assertThat(compared.get(Scenario.FROZEN)).as("the frozen picture is compared frame to frame").isTrue();
        assertThat(compared.get(Scenario.HEALTHY)).as("the moving street is judged by its coded frames").isFalse();
    }

    @Test
    void a_grab_told_to_always_compare_decodes_the_second_frame_and_finds_the_street_moving() {
        DeepGrabber comparing = new DeepGrabber(Duration.ofSeconds(5), Duration.ofSeconds(1), Diagnostics.Thresholds.defaults().comparingEveryTime());
        DeepGrabber.Grab g = comparing.grab(sim.rtspUrl(cameras.add(Scenario.HEALTHY), Resolution.SUB), null, null);
        assertThat(g.motion().later()).as(g.detail()).isNotNull();
        List<Verdict> verdicts = diagnostics.diagnose(g.sample(), g.motion(), new Diagnostics.History(null));
        Verdict frozen = verdicts.stream().filter(v -> v.fault() == ImageFault.FROZEN).findFirst().orElseThrow();
        assertThat(frozen.failed()).as(frozen.evidence()).isFalse();
        assertThat(frozen.evidence()).contains("changed between two frames");
        assertThat(g.fps()).as("frame rate measured from the packets").isBetween(20.0, 30.0);
        assertThat(g.bitrate()).as("bitrate estimated over the window").isPositive();
    }

    @Test
    void streams_that_never_give_a_frame_end_within_their_deadline_with_the_right_cause() throws Exception {
        // A corrupt stream keeps sending packets, none of them decodable: only the grab's own deadline can end it.
        Map<Scenario, ProbeCause> expected = Map.of(Scenario.HANG, ProbeCause.TIMEOUT, Scenario.NO_VIDEO, ProbeCause.NO_MEDIA,
                Scenario.CORRUPT, ProbeCause.NO_MEDIA, Scenario.REFUSED, ProbeCause.REFUSED, Scenario.NOT_FOUND, ProbeCause.NOT_FOUND);
        ExecutorService pool = Executors.newFixedThreadPool(expected.size());
        Map<Scenario, Future<long[]>> timed = new EnumMap<>(Scenario.class);
        Map<Scenario, DeepGrabber.Grab> results = new java.util.concurrent.ConcurrentHashMap<>();
        for (Scenario scenario : expected.keySet()) {
            String id = cameras.add(scenario);
            timed.put(scenario, pool.submit(() -> {
                long started = System.nanoTime();
                results.put(scenario, grab(id));
                return new long[] {System.nanoTime() - started};
            }));
        }
        for (Map.Entry<Scenario, ProbeCause> e : expected.entrySet()) {
            Duration took = Duration.ofNanos(timed.get(e.getKey()).get(30, TimeUnit.SECONDS)[0]);
            DeepGrabber.Grab g = results.get(e.getKey());
            assertThat(g.decoded()).isFalse();
            assertThat(g.cause()).as(e.getKey() + ": " + g.detail()).isEqualTo(e.getValue());
            // FFmpeg asks the interrupt callback at least every 100 ms while it waits.
            assertThat(took).as(e.getKey() + " ends at its 5 s deadline at the latest").isLessThan(Duration.ofMillis(5_800));
            assertThat(g.detail()).as("no URL in the detail").doesNotContain("rtsp://");
            List<Verdict> verdicts = diagnostics.signalLoss(g.detail());
            assertThat(Diagnostics.faults(verdicts)).containsExactly(ImageFault.SIGNAL_LOSS);
        }
        pool.shutdown();
    }

    @Test
    void stored_credentials_open_a_locked_camera() {
        String id = cameras.add(Scenario.AUTH_REQUIRED);
        assertThat(grabber.grab(sim.rtspUrl(id, Resolution.SUB), "admin", "vigil-sim").decoded()).isTrue();
        assertThat(grabber.grab(sim.rtspUrl(id, Resolution.SUB), "admin", "wrong").cause()).isEqualTo(ProbeCause.AUTH_FAILED);
    }

    private static void printConfusionMatrix(Map<Scenario, ImageFault> diagnosed) {
        List<String> columns = new ArrayList<>();
        columns.add("healthy");
        for (ImageFault f : ImageFault.values()) {
            columns.add(f.name().toLowerCase());
        }
        StringBuilder out = new StringBuilder("\nDeep diagnosis confusion matrix (rows: simulated picture, columns: primary diagnosis)\n");
        out.append(String.format("%-14s", ""));
        columns.forEach(c -> out.append(String.format("%-5.5s", c)));
        out.append('\n');
        for (Scenario s : EXPECTED.keySet()) {
            out.append(String.format("%-14s", s.label()));
            ImageFault d = diagnosed.get(s);
            for (String c : columns) {
                boolean hit = d == null ? c.equals("healthy") : c.equals(d.name().toLowerCase());
                out.append(String.format("%-5s", hit ? "1" : "."));
            }
            out.append('\n');
        }
        System.out.println(out);
    }
}
