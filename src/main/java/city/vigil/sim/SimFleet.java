package city.vigil.sim;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated cameras by ID: a small record each, so 100,000 cameras cost a few megabytes. */
public final class SimFleet {
    private final Map<String, SimCamera> cameras = new ConcurrentHashMap<>();

    public SimCamera put(SimCamera camera) {
        cameras.put(camera.id(), camera);
        return camera;
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
    }
}
