package city.vigil.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The operator pages: the online-rate targets they judge against, and how often they are pushed new figures. */
@ConfigMapping(prefix = "vigil.dashboard")
public interface DashboardConfig {

    /** Online-rate targets per point class (the regulator's appraisal lines; set them to your city's). */
    Targets targets();

    /** How often an open page receives new figures (server-sent events; polling at the same pace when they fail). */
    @WithDefault("5s")
    Duration pushInterval();

    /** How long an area's history (trends, assessment, checkpoints, blind spots, offenders) is kept before it is read again. */
    @WithDefault("60s")
    Duration historyTtl();

    /** Down cameras per page of an area's list. */
    @WithDefault("50")
    int pageSize();

    interface Targets {
        @WithDefault("0.98")
        double class1();

        @WithDefault("0.95")
        double class2();

        @WithDefault("0.90")
        double class3();

        /** Classes 4 and 9 (internal and other points). */
        @WithDefault("0.90")
        double other();

        default double of(String pointClass) {
            return switch (pointClass) {
                case "1" -> class1();
                case "2" -> class2();
                case "3" -> class3();
                default -> other();
            };
        }
    }
}
