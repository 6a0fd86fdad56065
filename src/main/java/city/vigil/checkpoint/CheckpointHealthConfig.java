package city.vigil.checkpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How checkpoint freshness and upload quality are judged (domain-reference §2.2). */
@ConfigMapping(prefix = "vigil.checkpoint")
public interface CheckpointHealthConfig {

    /** No heartbeat for this long: the checkpoint is stale (its pass records stopped arriving). */
    @WithDefault("10m")
    Duration staleAfter();

    /** A pass record is timely when it reached the platform within this of its capture (at most 60 s in practice). */
    @WithDefault("60s")
    Duration timelyWithin();

    /** A device clock is accurate when capture and platform receive times differ by no more than this. */
    @WithDefault("60s")
    Duration clockTolerance();

    /** A checkpoint counts as timely (clock-accurate) when at least this share of its records is. */
    @WithDefault("0.9")
    double deviceShare();

    /** How often checkpoints are compared with their remembered condition for checkpoint.offline / .stale. */
    @WithDefault("30s")
    Duration alarmInterval();

    /** Sample records accepted per heartbeat. */
    @WithDefault("1000")
    int maxRecords();
}
