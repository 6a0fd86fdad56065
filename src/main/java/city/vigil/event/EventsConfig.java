package city.vigil.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live event stream (SSE). */
@ConfigMapping(prefix = "vigil.events")
public interface EventsConfig {

    /** How often each open stream looks for new events and transitions. */
    @WithDefault("1s")
    Duration pollInterval();
}
