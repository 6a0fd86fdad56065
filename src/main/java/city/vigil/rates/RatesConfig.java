package city.vigil.rates;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a falling online rate becomes an alert ({@code area.online_rate_below}). */
@ConfigMapping(prefix = "vigil.rates")
public interface RatesConfig {

    Alarm alarm();

    interface Alarm {
        /** The alarm fires when an area's online rate of a point class falls below this. */
        @WithDefault("0.90")
        double threshold();

        /** It re-arms once the rate is back above threshold + hysteresis. */
        @WithDefault("0.02")
        double hysteresis();

        /** Areas with fewer monitored channels of a class are not judged: two cameras make a noisy rate. */
        @WithDefault("20")
        int minMonitored();

        /** How often every city and district × class is judged. */
        @WithDefault("30s")
        Duration checkInterval();
    }
}
