package city.vigil.maintenance;

import java.time.Duration;

/** How a maintenance window repeats: not at all, or at the same time every day or week. */
public enum Recurrence {
    NONE(null), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

    /** Time between occurrences; null for a single window. China keeps no daylight saving, so a fixed period is exact. */
    public final Duration period;

    Recurrence(Duration period) {
        this.period = period;
    }
}
