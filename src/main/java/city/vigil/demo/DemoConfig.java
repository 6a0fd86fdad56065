package city.vigil.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The demo the embedded default starts with: the {@code demo} profile sets {@code enabled} (VigilMain adds it). */
@ConfigMapping(prefix = "vigil.demo")
public interface DemoConfig {

    /** Start the simulator with a demo fleet and import it (set by the demo profile). */
    @WithDefault("false")
    boolean enabled();

    /** How many simulated cameras (the synthetic city is scaled to hold exactly this many). */
    @WithDefault("2000")
    int cameras();

    /** Share of cameras with a fault, spread over every fault scenario. */
    @WithDefault("0.03")
    double brokenShare();

    /** Seed of the fleet plan: the same seed rebuilds the fleet that was imported. */
    @WithDefault("2026")
    long seed();

    /** Where the generated demo city's import files are written (the same seed writes the same city). */
    @WithDefault("data/demo-city")
    String cityDir();

    /** How often the demo's checkpoints report their passes. */
    @WithDefault("60s")
    Duration heartbeatInterval();

    /** Loopback unless you mean it (and then set allow-non-loopback). */
    @WithDefault("127.0.0.1")
    String bindAddress();

    @WithDefault("false")
    boolean allowNonLoopback();

    @WithDefault("8554")
    int rtspPort();

    @WithDefault("8555")
    int httpPort();

    @WithDefault("8556")
    int controlPort();

    /** Where encoded clips are cached. */
    @WithDefault("data/sim-clips")
    String clipCache();
}
