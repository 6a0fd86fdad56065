package city.vigil.testsupport;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.SimConfig;
import city.vigil.sim.Simulator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator on free loopback ports for one test class, handing out cameras with fresh IDs. A camera is handed out
 * with its clips encoded: on a clean clone the clip cache is empty, and a probe with test-short timeouts would
 * otherwise race the encoder (a 1080p clip takes seconds) and see a healthy camera time out.
 */
public final class SimulatedCameras implements AutoCloseable {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private final Simulator simulator = Simulator.start(SimConfig.loopback(Path.of("target", "sim-clips")));
    private final List<Resolution> streamed;

    /** Cameras whose sub-streams the test reads. */
    public SimulatedCameras() {
        this(Resolution.SUB);
    }

    /** Cameras whose streams at these resolutions the test reads (registering a main stream means the monitor reads it). */
    public SimulatedCameras(Resolution... streamed) {
        this.streamed = List.of(streamed);
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Adds a camera (type 132 in Tianhe) with this scenario, its clips ready, and returns its ID. */
    public String add(Scenario scenario) {
        if (scenario.picture != null) {
            streamed.forEach(resolution -> simulator.prepare(resolution, scenario.picture));
        }
        String id = "4401060000132" + String.format("%07d", SERIAL.incrementAndGet());
        simulator.fleet().add(id, scenario);
        return id;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
