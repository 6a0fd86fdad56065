package city.vigil.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Availability rollups and the daily assessment ({@code vigil.availability.*}). */
@ConfigMapping(prefix = "vigil.availability")
public interface AvailabilityConfig {

    @WithDefault("true")
    boolean enabled();

    /** How often the current hour's and day's rollups are brought up to date. */
    @WithDefault("60s")
    Duration rollupInterval();

    /** Where days begin and end (reports, assessments): China Standard Time. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** When each day the online and intact rates are sampled for the daily assessment, in {@link #zone()}. */
    @WithDefault("09:00,15:00,21:00")
    List<LocalTime> assessmentTimes();
}
