package city.vigil.sim;

import java.time.Duration;

/**
 * One simulated camera: its scenario and the knobs some scenarios take. Immutable; the fleet swaps whole values so a
 * running session sees either the old or the new behaviour, never half of each.
 *
 * @param since when this scenario took effect (flapping counts its periods from here)
 */
public record SimCamera(String id, Scenario scenario, String username, String password, Duration delay,
                        Duration dropAfter, Duration flapPeriod, long since) {

    public static SimCamera of(String id, Scenario scenario) {
        return new SimCamera(id, scenario, "admin", "vigil-sim", Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofSeconds(10), System.currentTimeMillis());
    }

    public SimCamera withScenario(Scenario next) {
        return new SimCamera(id, next, username, password, delay, dropAfter, flapPeriod, System.currentTimeMillis());
    }

    public SimCamera withTimings(Duration delay, Duration dropAfter, Duration flapPeriod) {
        return new SimCamera(id, scenario, username, password, delay == null ? this.delay : delay,
                dropAfter == null ? this.dropAfter : dropAfter, flapPeriod == null ? this.flapPeriod : flapPeriod, since);
    }

    /** Whether a flapping camera is in a down period now. */
    boolean flappedDown(long nowMillis) {
        return scenario == Scenario.FLAPPING && ((nowMillis - since) / Math.max(1, flapPeriod.toMillis())) % 2 == 1;
    }
}
