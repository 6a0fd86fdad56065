package city.vigil.rates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateAlarmTest {
    private final RateAlarm alarm = new RateAlarm(0.90, 0.02);

    @Test
    void fires_once_below_the_threshold_and_re_arms_only_above_threshold_plus_hysteresis() {
        assertThat(alarm.next(false, 0.95)).isEqualTo(RateAlarm.Change.NONE);
        assertThat(alarm.next(false, 0.899)).isEqualTo(RateAlarm.Change.FIRED);
        assertThat(alarm.next(true, 0.85)).as("still below: no second alert").isEqualTo(RateAlarm.Change.NONE);
        assertThat(alarm.next(true, 0.91)).as("above the line but inside the hysteresis").isEqualTo(RateAlarm.Change.NONE);
        assertThat(alarm.next(true, 0.92)).isEqualTo(RateAlarm.Change.CLEARED);
        assertThat(alarm.next(false, 0.90)).as("exactly at the threshold is not below").isEqualTo(RateAlarm.Change.NONE);
        assertThat(alarm.next(true, null)).as("nothing monitored: no judgement").isEqualTo(RateAlarm.Change.NONE);
    }
}
