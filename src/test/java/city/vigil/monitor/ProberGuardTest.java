package city.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.monitor.ProberGuard.Change;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProberGuardTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final List<String> DISTRICTS = List.of("440103", "440104", "440105", "440106", "440111");

    /** 100 results over ten seconds from the given districts, failing with the given share. */
    private static void feed(ProberGuard guard, Instant start, List<String> districts, double failShare) {
        for (int i = 0; i < 100; i++) {
            guard.record(start.plusMillis(i * 100L), districts.get(i % districts.size()), i % 100 >= failShare * 100);
        }
    }

    @Test
    void a_failure_wave_across_unrelated_districts_makes_the_prober_suspect_once() {
        ProberGuard guard = new ProberGuard(ProberGuard.Rules.defaults());
        feed(guard, T0, DISTRICTS, 0.05);
        assertThat(guard.evaluate(T0.plusSeconds(10))).isEqualTo(Change.NONE);
        feed(guard, T0.plusSeconds(10), DISTRICTS, 1.0);
        feed(guard, T0.plusSeconds(20), DISTRICTS, 1.0);
        feed(guard, T0.plusSeconds(30), DISTRICTS, 1.0);
        assertThat(guard.evaluate(T0.plusSeconds(40))).isEqualTo(Change.BECAME_SUSPECT);
        assertThat(guard.suspect()).isTrue();
        assertThat(guard.evaluate(T0.plusSeconds(41))).as("one alert, not one per evaluation").isEqualTo(Change.NONE);
    }

    @Test
    void a_district_wide_power_cut_is_a_real_outage_not_a_suspect_prober() {
        ProberGuard guard = new ProberGuard(ProberGuard.Rules.defaults());
        feed(guard, T0, List.of("440111"), 1.0);
        feed(guard, T0.plusSeconds(10), List.of("440111"), 1.0);
        assertThat(guard.evaluate(T0.plusSeconds(20))).isEqualTo(Change.NONE);
        assertThat(guard.suspect()).isFalse();
    }

    @Test
    void too_few_probes_decide_nothing_and_the_suspicion_clears_when_probes_succeed_again() {
        ProberGuard guard = new ProberGuard(ProberGuard.Rules.defaults());
        for (int i = 0; i < 20; i++) {
            guard.record(T0.plusMillis(i), DISTRICTS.get(i % 5), false);
        }
        assertThat(guard.evaluate(T0.plusSeconds(1))).as("20 probes are not enough to judge").isEqualTo(Change.NONE);
        feed(guard, T0.plusSeconds(1), DISTRICTS, 1.0);
        assertThat(guard.evaluate(T0.plusSeconds(11))).isEqualTo(Change.BECAME_SUSPECT);
        // The window moves on: half a minute later only healthy results remain.
        feed(guard, T0.plusSeconds(50), DISTRICTS, 0.0);
        assertThat(guard.evaluate(T0.plusSeconds(60))).isEqualTo(Change.CLEARED);
        assertThat(guard.suspect()).isFalse();
    }
}
