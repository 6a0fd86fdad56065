package city.vigil.outage;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.probe.ProbeCause;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class OutageStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final String PATH = "440100/440106/";

    @Inject
    OutageStore outages;

    @Test
    void opens_once_closes_and_opens_again() {
        String id = Fixtures.cameraId();
        Optional<Long> first = outages.open(id, PATH, 1, ProbeCause.TIMEOUT, T0);
        assertThat(first).isPresent();
        assertThat(outages.open(id, PATH, 1, ProbeCause.REFUSED, T0.plusSeconds(30))).as("already open").isEmpty();
        assertThat(outages.close(id, T0.plusSeconds(90))).isEqualTo(first);
        assertThat(outages.close(id, T0.plusSeconds(120))).as("nothing open").isEmpty();
        Optional<Long> second = outages.open(id, PATH, 1, ProbeCause.NOT_FOUND, T0.plusSeconds(300));
        assertThat(second).isPresent().isNotEqualTo(first);
        assertThat(outages.openOutage(id)).isEqualTo(second);
    }

    @Test
    void racing_writers_never_open_two_outages_for_one_channel() throws Exception {
        String id = Fixtures.cameraId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Optional<Long>>> tries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tries.add(() -> outages.open(id, PATH, 2, ProbeCause.TIMEOUT, T0));
        }
        long opened = 0;
        for (Future<Optional<Long>> f : pool.invokeAll(tries)) {
            opened += f.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(opened).isEqualTo(1);
    }

    @Test
    void records_an_acknowledgement() {
        String id = Fixtures.cameraId();
        long outage = outages.open(id, PATH, 1, ProbeCause.AUTH_FAILED, T0).orElseThrow();
        assertThat(outages.acknowledge(outage, "ops-zhang", "password rotated by the owner", T0.plusSeconds(60))).isTrue();
        assertThat(outages.acknowledge(-1, "ops-zhang", "no such outage", T0)).isFalse();
    }

    @Test
    void an_end_before_the_start_is_clamped_to_the_start() {
        String id = Fixtures.cameraId();
        outages.open(id, PATH, 1, ProbeCause.TIMEOUT, T0);
        assertThat(outages.close(id, T0.minusSeconds(5))).isPresent();
    }
}
