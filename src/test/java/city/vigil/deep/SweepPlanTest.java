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

    @Test
    void a_camera_registered_during_an_hourly_sweep_is_first_checked_within_a_minute() {
        List<String> channels = new ArrayList<>(List.of("44010600001320000001", "44010600001320000002"));
        SweepPlan plan = new SweepPlan(Duration.ofHours(1), pc -> true);
        plan.due(T0, () -> List.copyOf(channels));
        Instant registered = T0.plusSeconds(180);
        List<String> newcomers = IntStream.range(100, 134).mapToObj(i -> String.format("44010600001320%06d", i)).toList();
        newcomers.forEach(id -> plan.join(id, registered, Duration.ofMinutes(1), 240));
        assertThat(plan.view().joining()).isEqualTo(34);

        Map<String, Instant> firstChecked = new HashMap<>();
        for (long s = 181; s <= 181 + 60; s++) {
            Instant at = T0.plusSeconds(s);
            plan.due(at, () -> List.copyOf(channels)).forEach(id -> firstChecked.putIfAbsent(id, at));
        }
        assertThat(firstChecked.keySet()).as("every newcomer checked within a minute, not an hour later").containsAll(newcomers);
        assertThat(firstChecked.values().stream().distinct().count()).as("spread over the minute, not all at once").isGreaterThan(10);
    }

    @Test
    void a_large_import_waits_for_the_sweep_that_already_holds_it_instead_of_flooding_the_pool() {
        List<String> channels = IntStream.range(0, 1000).mapToObj(i -> String.format("44010600001320%06d", i)).toList();
        SweepPlan plan = new SweepPlan(Duration.ofHours(1), pc -> true);
        plan.due(T0, () -> channels);
        channels.forEach(id -> plan.join(id, T0.plusSeconds(5), Duration.ofMinutes(1), 100));
        assertThat(plan.view().joining()).as("only as many as the pool checks in a minute jump the queue").isEqualTo(100);
    }

    @Test
    void before_the_first_sweep_nothing_joins_the_first_sweep_takes_every_channel() {
        SweepPlan plan = new SweepPlan(Duration.ofHours(1), pc -> true);
        plan.join("44010600001320000001", T0, Duration.ofMinutes(1), 100);
        assertThat(plan.view().joining()).isZero();
    }
}
