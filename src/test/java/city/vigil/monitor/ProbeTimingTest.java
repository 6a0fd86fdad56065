package city.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeTimingTest {
    private static final Instant START = Instant.parse("2026-11-21T08:00:00.000Z");
    private final ProbeTiming classTwo = new ProbeTiming(Duration.ofSeconds(60), Duration.ofSeconds(10));

    @Test
    void spreads_first_probes_evenly_with_no_start_up_burst() {
        int[] perSixSeconds = new int[10];
        for (int i = 0; i < 10_000; i++) {
            Instant first = classTwo.first("44010600001320" + String.format("%06d", i), START);
            assertThat(first).isBetween(START, START.plusSeconds(60));
            perSixSeconds[(int) (Duration.between(START, first).toMillis() / 6_000) % 10]++;
        }
        for (int n : perSixSeconds) {
            assertThat(n).isBetween(850, 1150);
        }
    }

    @Test
    void keeps_a_fixed_rhythm_that_a_new_owner_would_keep_too() {
        String id = "44010600001320000042";
        Instant first = classTwo.first(id, START);
        Instant second = classTwo.next(id, first, first.plusMillis(120), false);
        assertThat(second).isEqualTo(first.plusSeconds(60));
        // Another replica taking the channel over later finds the same slots.
        assertThat(classTwo.first(id, START.plusSeconds(600).plusMillis(1))).isEqualTo(first.plusSeconds(600));
    }

    @Test
    void retries_soft_failures_fast_and_skips_missed_slots_without_a_burst() {
        String id = "44010600001320000043";
        Instant due = classTwo.first(id, START);
        assertThat(classTwo.next(id, due, due.plusSeconds(2), true)).isEqualTo(due.plusSeconds(12));
        Instant lateFinish = due.plusSeconds(150);
        Instant next = classTwo.next(id, due, lateFinish, false);
        assertThat(next).isAfter(lateFinish).isEqualTo(due.plusSeconds(180));
    }
}
