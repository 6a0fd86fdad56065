package city.vigil.sim;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated cameras by ID: a small record each, so 100,000 cameras cost a few megabytes. */
public final class SimFleet {
    private final Map<String, SimCamera> cameras = new ConcurrentHashMap<>();
    /** Each camera's first scenario, which {@link #reset()} restores. */
    private final Map<String, Scenario> initial = new ConcurrentHashMap<>();

    public SimCamera put(SimCamera camera) {
        cameras.put(camera.id(), camera);
        initial.putIfAbsent(camera.id(), camera.scenario());
        return camera;
    }

    /** Puts every camera back to the scenario it was added with. */
    public void reset() {
        initial.forEach(this::switchTo);
    }

    public SimCamera add(String id, Scenario scenario) {
        return put(SimCamera.of(id, scenario));
    }

    public Optional<SimCamera> get(String id) {
        return Optional.ofNullable(cameras.get(id));
    }

    /** Switches a camera's scenario; empty when no such camera. */
    public Optional<SimCamera> switchTo(String id, Scenario scenario) {
        return Optional.ofNullable(cameras.computeIfPresent(id, (k, c) -> c.withScenario(scenario)));
    }

    public Collection<SimCamera> all() {
        return cameras.values();
    }

    public int size() {
        return cameras.size();
    }

    public void clear() {
        cameras.clear();
        initial.clear();
    }
}
