package city.vigil.monitor;

import city.vigil.platform.RedisKeys;
import city.vigil.status.InProcessStatusStore;
import city.vigil.status.RedisStatusStore;
import city.vigil.status.StatusStore;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Picks the status store the monitor writes and the status and rates APIs read: Redis when replicas share the work
 * ({@code vigil.monitor.status-store=redis}, or {@code auto} with Redis configured), else in-process.
 */
@ApplicationScoped
public class StatusStoreChoice {

    @Produces
    @Singleton
    StatusStore statusStore(MonitorConfig config, Instance<RedisDataSource> redis) {
        return useRedis(config) ? new RedisStatusStore(redis.get(), new RedisKeys(config.redisPrefix())) : new InProcessStatusStore();
    }

    /** The store's name for operators ({@code GET /api/v1/monitor}). */
    static String name(MonitorConfig config) {
        return useRedis(config) ? "redis" : "memory";
    }

    private static boolean useRedis(MonitorConfig config) {
        boolean redisConfigured = ConfigProvider.getConfig().getOptionalValue("quarkus.redis.hosts", String.class)
                .filter(h -> !h.isBlank()).isPresent();
        return switch (config.statusStore()) {
            case REDIS -> true;
            case AUTO -> redisConfigured;
            case MEMORY -> false;
        };
    }
}
