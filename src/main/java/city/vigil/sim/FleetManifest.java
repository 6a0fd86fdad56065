package city.vigil.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated fleet: how many cameras, in which districts, with which scenarios. Deterministic from the seed, so the
 * simulator can rebuild exactly the fleet a registry imported earlier.
 *
 * @param mix share of cameras per scenario; what the shares leave over is HEALTHY
 */
public record FleetManifest(int cameras, List<String> districts, Map<Scenario, Double> mix, long seed) {

    public FleetManifest {
        if (cameras < 1 || cameras > 1_000_000) {
            throw new IllegalArgumentException("cameras must be between 1 and 1,000,000");
        }
        if (districts.isEmpty() || districts.stream().anyMatch(d -> !d.matches("\\d{6}"))) {
            throw new IllegalArgumentException("districts must be 6-digit division codes");
        }
        double broken = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        if (broken < 0 || broken > 1) {
            throw new IllegalArgumentException("scenario shares must add up to at most 1");
        }
        districts = List.copyOf(districts);
        mix = Map.copyOf(mix);
    }

    /** A share of {@code broken} spread evenly over every fault a probe can see on RTSP. */
    public static FleetManifest withBrokenShare(int cameras, List<String> districts, double broken, long seed) {
        List<Scenario> faults = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s != Scenario.HEALTHY && s != Scenario.STALE_HLS) {
                faults.add(s);
            }
        }
        Map<Scenario, Double> mix = new EnumMap<>(Scenario.class);
        faults.forEach(s -> mix.put(s, broken / faults.size()));
        return new FleetManifest(cameras, districts, mix, seed);
    }
}
