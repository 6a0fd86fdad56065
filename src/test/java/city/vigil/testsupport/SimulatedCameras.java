package city.vigil.testsupport;

import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.SimConfig;
import city.vigil.sim.Simulator;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulator on free loopback ports for one test class, handing out cameras with fresh IDs. */
public final class SimulatedCameras implements AutoCloseable {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private final Simulator simulator = Simulator.start(SimConfig.loopback(Path.of("target", "sim-clips")));

    public Simulator simulator() {
        return simulator;
    }

    /**
     * Adds a camera (type 132 in Tianhe) with this scenario and returns its ID. Its sub-stream clip is encoded first:
     * on a clean clone the clip cache is empty, and a probe with test-short timeouts would otherwise race the encoder.
     */
    public String add(Scenario scenario) {
        if (scenario.picture != null) {
            simulator.prepare(Resolution.SUB, scenario.picture);
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
