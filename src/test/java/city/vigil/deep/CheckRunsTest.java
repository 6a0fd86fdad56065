package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckRunsTest {
    private final CheckRuns runs = new CheckRuns();

    @Test
    void soft_failures_and_the_first_good_check_of_a_recovery_are_looked_at_again_soon() {
        assertThat(runs.recheckSoon("a", false)).as("healthy: next sweep").isFalse();
        assertThat(runs.remembered()).isZero();
        assertThat(runs.recheckSoon("a", true)).as("first failure").isTrue();
        assertThat(runs.recheckSoon("a", true)).as("second failure").isTrue();
        assertThat(runs.recheckSoon("a", true)).as("third: confirmed, back to the sweep").isFalse();
        assertThat(runs.recheckSoon("a", true)).as("still broken: no stream of re-checks").isFalse();
        assertThat(runs.recheckSoon("a", false)).as("first good check: confirm soon").isTrue();
        assertThat(runs.recheckSoon("a", false)).as("recovered").isFalse();
        assertThat(runs.remembered()).as("forgotten once healthy").isZero();
    }
}
