package city.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.Simulator;
import city.vigil.testsupport.SimulatedCameras;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RTSP liveness probe against real simulated cameras, one fault at a time. */
class RtspProbeTest {
    private static final ProbeTimeouts FAST = new ProbeTimeouts(Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(1500));
    private static SimulatedCameras cameras;
    private static Simulator sim;
    private static Vertx vertx;
    private static RtspProbe probe;

    @BeforeAll
    static void start() {
        cameras = new SimulatedCameras();
        sim = cameras.simulator();
        vertx = Vertx.vertx();
        probe = new RtspProbe(vertx, FAST);
    }

    @AfterAll
    static void stop() throws Exception {
        cameras.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static ProbeTarget camera(Scenario scenario) {
        String id = cameras.add(scenario);
        return ProbeTarget.of(sim.rtspUrl(id, Resolution.SUB));
    }

    private static ProbeResult run(ProbeTarget target) throws Exception {
        return probe.probe(target).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_healthy_camera_is_up_quickly() throws Exception {
        ProbeResult result = run(camera(Scenario.HEALTHY));
        assertThat(result.up()).as(String.valueOf(result)).isTrue();
        assertThat(result.latency()).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void classifies_each_failure() throws Exception {
        assertThat(run(camera(Scenario.HANG)).cause()).isEqualTo(ProbeCause.TIMEOUT);
        assertThat(run(camera(Scenario.REFUSED)).cause()).isEqualTo(ProbeCause.REFUSED);
        assertThat(run(camera(Scenario.NOT_FOUND)).cause()).isEqualTo(ProbeCause.NOT_FOUND);
        assertThat(run(camera(Scenario.AUTH_REQUIRED)).cause()).isEqualTo(ProbeCause.AUTH_FAILED);
        assertThat(run(ProbeTarget.of("rtsp://camera-that-does-not-exist.invalid:554/x")).cause()).isEqualTo(ProbeCause.DNS);
        ProbeTarget slow = camera(Scenario.SLOW);
        assertThat(run(slow).cause()).as("answers after 3 s, the deadline is 1.5 s").isEqualTo(ProbeCause.TIMEOUT);
        ProbeTarget http = ProbeTarget.of("rtsp://127.0.0.1:" + sim.httpPort() + "/cam/x/sub");
        assertThat(run(http).cause()).as("an HTTP server on the RTSP port").isEqualTo(ProbeCause.BAD_RESPONSE);
    }

    @Test
    void answers_a_challenge_with_the_stored_credentials() throws Exception {
        ProbeTarget locked = camera(Scenario.AUTH_REQUIRED);
        assertThat(run(locked.withCredentials("admin", "vigil-sim")).up()).isTrue();
        ProbeResult wrong = run(locked.withCredentials("admin", "guess"));
        assertThat(wrong.cause()).isEqualTo(ProbeCause.AUTH_FAILED);
        assertThat(wrong.detail()).doesNotContain("guess");
    }

    @Test
    void describe_depth_cannot_see_a_dead_encoder() throws Exception {
        // DESCRIBE succeeds although no RTP will ever flow: the deep tier (or FIRST_PACKET depth) must catch it.
        assertThat(run(camera(Scenario.NO_VIDEO)).up()).isTrue();
    }

    @Test
    void first_packet_depth_proves_video_flows_and_tells_a_dead_encoder_apart() throws Exception {
        ProbeResult healthy = probe.probe(camera(Scenario.HEALTHY), ProbeDepth.FIRST_PACKET).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(healthy.up()).as(String.valueOf(healthy)).isTrue();
        ProbeTarget dead = camera(Scenario.NO_VIDEO);
        assertThat(run(dead).up()).as("DESCRIBE alone cannot see a dead encoder").isTrue();
        ProbeResult deep = probe.probe(dead, ProbeDepth.FIRST_PACKET).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(deep.cause()).isEqualTo(ProbeCause.NO_MEDIA);
        ProbeTarget locked = camera(Scenario.AUTH_REQUIRED).withCredentials("admin", "vigil-sim");
        ProbeResult authed = probe.probe(locked, ProbeDepth.FIRST_PACKET).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(authed.up()).as("SETUP and PLAY answer the digest challenge too: " + authed).isTrue();
    }

    @Test
    void plain_tcp_is_the_last_resort() throws Exception {
        TcpProbe tcp = new TcpProbe(vertx, FAST);
        assertThat(tcp.probe(ProbeTarget.of("tcp://127.0.0.1:" + sim.rtspPort()), 554).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).up()).isTrue();
        String closed = sim.rtspUrl(cameras.add(Scenario.REFUSED), Resolution.SUB);
        assertThat(tcp.probe(ProbeTarget.of(closed), 554).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).cause())
                .isEqualTo(ProbeCause.REFUSED);
    }
}
