package city.vigil.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The coverage book: whether it is kept, and how often it is rebuilt in full. */
@ConfigMapping(prefix = "vigil.coverage")
public interface CoverageConfig {

    /** Keeps the coverage book (site and grid coverage, site events); off, the coverage API answers from nothing. */
    @WithDefault("true")
    boolean enabled();

    /** A full rebuild from PostgreSQL this often, besides the incremental updates from state changes. */
    @WithDefault("10m")
    Duration rebuildInterval();
}
