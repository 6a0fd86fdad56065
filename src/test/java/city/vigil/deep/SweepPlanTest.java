package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A sweep spreads its channels over the interval and checks every one of them once a sweep, the last ones included. */
class SweepPlanTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void every_channel_is_checked_once_a_sweep_even_when_its_turn_falls_after_the_last_tick() {
        List<String> channels = IntStream.range(0, 400).mapToObj(i -> String.format("44010600001320%06d", i)).toList();
        SweepPlan plan = new SweepPlan(Duration.ofSeconds(4), pc -> true);
        Map<String, Integer> checks = new HashMap<>();
        List<Integer> perCall = new ArrayList<>();
        // Ticks a little over a second apart, as the sweep thread's fixed delay makes them: the last tick of a sweep comes
        // well before its end, and the next sweep starts late.
        for (long ms = 0; ms <= 60_000; ms += 1_150) {
            List<String> due = plan.due(T0.plusMillis(ms), () -> channels);
            due.forEach(id -> checks.merge(id, 1, Integer::sum));
            perCall.add(due.size());
        }
        assertThat(checks).as("every channel checked").hasSize(channels.size());
        int sweeps = checks.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        assertThat(checks.values()).as("once a sweep, give or take the sweep under way").allSatisfy(n -> assertThat(n).isBetween(sweeps, sweeps + 1));
        assertThat(sweeps).as("a 4 s sweep repeats over a minute").isGreaterThanOrEqualTo(12);
        assertThat(perCall.stream().mapToInt(Integer::intValue).max().orElse(0)).as("spread out, never all at once")
                .isLessThan(channels.size() / 2);
    }

    @Test
    void a_channel_registered_during_a_sweep_joins_the_next_one() {
        List<String> channels = new ArrayList<>(List.of("44010600001320000001"));
        SweepPlan plan = new SweepPlan(Duration.ofSeconds(4), pc -> true);
        List<String> seen = new ArrayList<>();
        for (long ms = 0; ms <= 12_000; ms += 1_000) {
            if (ms == 1_000) {
                channels.add("44010600001320000005");
            }
            seen.addAll(plan.due(T0.plusMillis(ms), () -> List.copyOf(channels)));
        }
        assertThat(seen).contains("44010600001320000005");
    }
}
