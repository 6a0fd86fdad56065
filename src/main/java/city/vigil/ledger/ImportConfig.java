package city.vigil.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Bulk import limits. */
@ConfigMapping(prefix = "vigil.import")
public interface ImportConfig {

    /** Largest ledger file accepted, in bytes; a larger one is refused with 413. */
    @WithDefault("1073741824")
    long maxBytes();

    /** Jobs waiting behind the running one; more are refused with 429. */
    @WithDefault("4")
    int queueSize();

    /** Per-row errors kept for reading back per job; all are counted. */
    @WithDefault("10000")
    int maxStoredErrors();

    /** Where uploads are spooled while they are imported (default: the system temp directory). */
    Optional<String> spoolDir();

    /**
     * Camera imports of at least this many rows into a table holding under a quarter as many rebuild the secondary
     * indexes after writing instead of maintaining them row by row (much faster for initial loads).
     */
    @WithDefault("100000")
    long rebuildIndexesFrom();

    /** Camera imports that create or change at least this many rows VACUUM ANALYZE the table afterwards. */
    @WithDefault("20000")
    long analyzeFrom();

    /** Rows per upsert statement: progress is reported between them. */
    @WithDefault("50000")
    int writeChunk();
}
