package city.vigil.deep;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The deep tier's settings (DESIGN §1 defaults). Every key is listed in README.md (Configuration). */
@ConfigMapping(prefix = "vigil.deep")
public interface DeepConfig {

    /** Decode and diagnose every camera on a sweep. */
    @WithDefault("true")
    boolean enabled();

    /** Sweep interval of class-1 cameras. */
    @WithDefault("15m")
    Duration class1Interval();

    /** Sweep interval of every other class. */
    @WithDefault("60m")
    Duration interval();

    /** Re-check of a camera whose last check failed (soft until three in a row, like liveness). */
    @WithDefault("60s")
    Duration retryInterval();

    /** How long after start-up the first sweep begins (the liveness tier settles first). */
    @WithDefault("30s")
    Duration startDelay();

    /** Grabs at once; they wait for keyframes, not for CPU. Default: two per core. */
    Optional<Integer> concurrency();

    /** Hard deadline of one grab, open to second frame. */
    @WithDefault("8s")
    Duration deadline();

    /** Frames this far apart are compared for "frozen"; 0 turns the check off (one frame per grab). */
    @WithDefault("1s")
    Duration frozenWindow();

    /** SUB (default) or MAIN: which stream is decoded; the other is the fallback. */
    @WithDefault("SUB")
    String stream();
}
