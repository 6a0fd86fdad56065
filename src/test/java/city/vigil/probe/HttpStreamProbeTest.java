package city.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.Simulator;
import city.vigil.testsupport.SimulatedCameras;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP-FLV, MPEG-TS and HLS probes against real simulated streams. */
class HttpStreamProbeTest {
    private static final ProbeTimeouts FAST = new ProbeTimeouts(Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(2000));
    private static SimulatedCameras cameras;
    private static Simulator sim;
    private static Vertx vertx;
    private static HttpStreamProbe probe;

    @BeforeAll
    static void start() {
        cameras = new SimulatedCameras();
        sim = cameras.simulator();
        vertx = Vertx.vertx();
        probe = new HttpStreamProbe(vertx, FAST);
    }

    @AfterAll
    static void stop() throws Exception {
        cameras.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static String camera(Scenario scenario) {
        String id = cameras.add(scenario);
        return id;
    }

    private static ProbeResult run(Function<ProbeTarget, Future<ProbeResult>> kind, String url) throws Exception {
        return kind.apply(ProbeTarget.of(url)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void healthy_streams_are_up_on_every_http_protocol() throws Exception {
        String id = camera(Scenario.HEALTHY);
        assertThat(run(probe::flv, sim.httpUrl(id, Resolution.SUB, "flv")).up()).isTrue();
        assertThat(run(probe::mpegTs, sim.httpUrl(id, Resolution.SUB, "ts")).up()).isTrue();
        assertThat(run(probe::hls, sim.httpUrl(id, Resolution.SUB, "m3u8")).up()).isTrue();
    }

    @Test
    void tells_the_failures_apart() throws Exception {
        assertThat(run(probe::flv, sim.httpUrl(camera(Scenario.NOT_FOUND), Resolution.SUB, "flv")).cause()).isEqualTo(ProbeCause.NOT_FOUND);
        assertThat(run(probe::mpegTs, sim.httpUrl(camera(Scenario.HANG), Resolution.SUB, "ts")).cause()).isEqualTo(ProbeCause.TIMEOUT);
        assertThat(run(probe::flv, sim.httpUrl(camera(Scenario.REFUSED), Resolution.SUB, "flv")).cause()).isEqualTo(ProbeCause.REFUSED);
        assertThat(run(probe::hls, sim.httpUrl(camera(Scenario.AUTH_REQUIRED), Resolution.SUB, "m3u8")).cause()).isEqualTo(ProbeCause.AUTH_FAILED);
        String id = camera(Scenario.HEALTHY);
        assertThat(run(probe::flv, sim.httpUrl(id, Resolution.SUB, "ts")).cause()).as("TS where FLV is expected").isEqualTo(ProbeCause.BAD_RESPONSE);
        assertThat(run(probe::mpegTs, sim.httpUrl(id, Resolution.SUB, "flv")).cause()).as("FLV where TS is expected").isEqualTo(ProbeCause.BAD_RESPONSE);
        assertThat(run(probe::mpegTs, sim.httpUrl(camera(Scenario.NO_VIDEO), Resolution.SUB, "ts")).cause())
                .as("headers but no bytes").isEqualTo(ProbeCause.TIMEOUT);
    }

    @Test
    void sends_stored_credentials() throws Exception {
        String id = camera(Scenario.AUTH_REQUIRED);
        ProbeResult result = probe.flv(ProbeTarget.of(sim.httpUrl(id, Resolution.SUB, "flv")).withCredentials("admin", "vigil-sim"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(result.up()).isTrue();
    }

    @Test
    void an_hls_playlist_that_stops_advancing_goes_stale() {
        String url = sim.httpUrl(camera(Scenario.STALE_HLS), Resolution.SUB, "m3u8");
        // Stale after three target durations (3 × 2 s) without a new media sequence.
        await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(500))
                .until(() -> run(probe::hls, url).cause() == ProbeCause.STALE);
    }
}
