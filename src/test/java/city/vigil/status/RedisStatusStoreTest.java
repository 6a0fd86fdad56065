package city.vigil.status;

import city.vigil.platform.RedisKeys;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The status store contract against the machine's Redis, each test under its own key prefix, deleted after. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class RedisStatusStoreTest extends StatusStoreContract {
    @Inject
    RedisDataSource redis;
    private final List<RedisKeys> used = new ArrayList<>();

    @Override
    StatusStore store() {
        RedisKeys keys = new RedisKeys("vigil-test-" + UUID.randomUUID() + ":");
        used.add(keys);
        return new RedisStatusStore(redis, keys);
    }

    @Override
    int updatesPerThread() {
        return 400;
    }

    @AfterEach
    void deleteKeys() {
        for (RedisKeys keys : used) {
            List<String> found = new ArrayList<>();
            redis.key().scan(new io.quarkus.redis.datasource.keys.KeyScanArgs().match(keys.all()).count(1000)).toIterable().forEach(found::add);
            if (!found.isEmpty()) {
                redis.key().del(found.toArray(String[]::new));
            }
        }
        used.clear();
    }
}
