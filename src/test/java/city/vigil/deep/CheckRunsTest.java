package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.status.LinkState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckRunsTest {
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration CEILING = Duration.ofMinutes(15);
    private final CheckRuns runs = new CheckRuns(RETRY, CEILING);

    @Test
    void a_channel_back_online_is_checked_at_once_but_not_a_channel_seen_for_the_first_time() {
        assertThat(CheckRuns.checkAtOnce(LinkState.OFFLINE, LinkState.ONLINE)).isTrue();
        assertThat(CheckRuns.checkAtOnce(LinkState.UNREACHABLE, LinkState.ONLINE)).as("its parent came back").isTrue();
        assertThat(CheckRuns.checkAtOnce(LinkState.UNKNOWN, LinkState.ONLINE)).as("first probe after a start: the sweep's job").isFalse();
        assertThat(CheckRuns.checkAtOnce(LinkState.DEGRADED, LinkState.ONLINE)).as("the deep tier's own verdict").isFalse();
        assertThat(CheckRuns.checkAtOnce(LinkState.ONLINE, LinkState.OFFLINE)).isFalse();
    }

    @Test
    void soft_failures_and_the_first_good_check_of_a_recovery_are_looked_at_again_after_the_retry_interval() {
        assertThat(runs.recheckAfter("a", false)).as("healthy: next sweep").isNull();
        assertThat(runs.remembered()).isZero();
        assertThat(runs.recheckAfter("a", true)).as("first failure").isEqualTo(RETRY);
        assertThat(runs.recheckAfter("a", true)).as("second failure").isEqualTo(RETRY);
        runs.recheckAfter("a", true);
        assertThat(runs.recheckAfter("a", false)).as("first good check: confirm soon").isEqualTo(RETRY);
        assertThat(runs.recheckAfter("a", false)).as("recovered").isNull();
        assertThat(runs.remembered()).as("forgotten once healthy").isZero();
    }

    @Test
    void a_confirmed_failure_is_looked_at_again_on_a_doubling_back_off_up_to_the_ceiling() {
        runs.recheckAfter("b", true);
        runs.recheckAfter("b", true);
        assertThat(runs.recheckAfter("b", true)).as("third: confirmed").isEqualTo(Duration.ofMinutes(2));
        assertThat(runs.recheckAfter("b", true)).isEqualTo(Duration.ofMinutes(4));
        assertThat(runs.recheckAfter("b", true)).isEqualTo(Duration.ofMinutes(8));
        assertThat(runs.recheckAfter("b", true)).as("capped").isEqualTo(CEILING);
        for (int i = 0; i < 100; i++) {
            runs.recheckAfter("b", true);
        }
        assertThat(runs.recheckAfter("b", true)).as("a long-broken camera stays at the ceiling").isEqualTo(CEILING);
        assertThat(runs.recheckAfter("b", false)).as("its picture came back").isEqualTo(RETRY);
    }
}
