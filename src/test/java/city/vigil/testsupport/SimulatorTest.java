package city.vigil.testsupport;

import city.vigil.sim.Resolution;
import city.vigil.sim.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the integration tests that probe real streams: one camera simulator on free loopback ports for the
 * test class, its main and sub streams encoded before a camera is handed out ({@link SimulatedCameras}).
 */
public abstract class SimulatorTest {
    protected static SimulatedCameras cameras;
    protected static Simulator sim;

    @BeforeAll
    static void startSimulator() {
        cameras = new SimulatedCameras(Resolution.SUB, Resolution.MAIN);
        sim = cameras.simulator();
    }

    @AfterAll
    static void stopSimulator() {
        cameras.close();
    }
}
