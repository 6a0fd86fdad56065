package city.vigil.demo;

import city.vigil.citygen.CameraStreams;
import city.vigil.sim.FleetPlan;
import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.Simulator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives each camera the generated city asks for a place in the simulator: the next scenario of the planned mix, main
 * stream over RTSP, sub stream over RTSP or one of the HTTP protocols. Tags {@code sim;sim-<scenario>} let anyone
 * compare what Vigil finds with the truth.
 */
final class SimulatedStreams implements CameraStreams {
    private final Simulator simulator;
    private final List<Scenario> scenarios;
    private final SplittableRandom random;
    private int next;

    SimulatedStreams(Simulator simulator, List<Scenario> scenarios, long seed) {
        this.simulator = simulator;
        this.scenarios = scenarios;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Streams of(String gbId, int pointClass) {
        Scenario scenario = next < scenarios.size() ? scenarios.get(next++) : Scenario.HEALTHY;
        simulator.fleet().add(gbId, scenario);
        String subKind = FleetPlan.subKind(random);
        String sub = subKind.equals("rtsp") ? simulator.rtspUrl(gbId, Resolution.SUB) : simulator.httpUrl(gbId, Resolution.SUB, subKind);
        return new Streams(simulator.rtspUrl(gbId, Resolution.MAIN), sub, "sim;sim-" + scenario.label());
    }
}
