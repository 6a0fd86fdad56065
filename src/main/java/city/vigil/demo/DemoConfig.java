package city.vigil.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The demo the embedded default starts with: the {@code demo} profile sets {@code enabled} (VigilMain adds it). */
@ConfigMapping(prefix = "vigil.demo")
public interface DemoConfig {

    /** Start the simulator with a demo fleet and import it (set by the demo profile). */
    @WithDefault("false")
    boolean enabled();

    /** How many simulated cameras. */
    @WithDefault("2000")
    int cameras();

    /** Share of cameras with a fault, spread over every fault scenario. */
    @WithDefault("0.03")
    double brokenShare();

    /** Seed of the fleet plan: the same seed rebuilds the fleet that was imported. */
    @WithDefault("2026")
    long seed();

    /** Districts the cameras are spread over (Guangzhou's eleven). */
    @WithDefault("440103,440104,440105,440106,440111,440112,440113,440114,440115,440117,440118")
    List<String> districts();

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
