package city.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.probe.HostSessions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeDispatcherTest {
    private final Map<String, Promise<Void>> running = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();

    private boolean submit(ProbeDispatcher d, String name, String host) {
        return d.submit(host, () -> {
            started.add(name);
            Promise<Void> p = Promise.promise();
            running.put(name, p);
            return p.future();
        });
    }

    @Test
    void never_exceeds_the_global_and_per_host_bounds_and_starts_waiting_probes_in_order() {
        ProbeDispatcher d = new ProbeDispatcher(3, new HostSessions(2), 100);
        submit(d, "a1", "nvr-a");
        submit(d, "a2", "nvr-a");
        submit(d, "a3", "nvr-a");
        submit(d, "b1", "nvr-b");
        submit(d, "b2", "nvr-b");
        assertThat(started).containsExactly("a1", "a2", "b1");
        assertThat(d.inFlight()).isEqualTo(3);
        assertThat(d.queued()).isEqualTo(2);
        running.get("a1").complete();
        assertThat(started).containsExactly("a1", "a2", "b1", "a3");
        running.get("b1").complete();
        assertThat(started).containsExactly("a1", "a2", "b1", "a3", "b2");
        running.get("a2").fail("timeout");
        running.get("a3").complete();
        running.get("b2").complete();
        assertThat(d.inFlight()).isZero();
    }

    @Test
    void drops_and_counts_probes_beyond_its_queue() {
        ProbeDispatcher d = new ProbeDispatcher(1, new HostSessions(1), 1);
        assertThat(submit(d, "x1", "h")).isTrue();
        assertThat(submit(d, "x2", "h")).isTrue();
        assertThat(submit(d, "x3", "h")).isFalse();
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void probes_that_finish_at_once_do_not_upset_the_queue() {
        ProbeDispatcher d = new ProbeDispatcher(1, new HostSessions(1), 10);
        List<String> done = new ArrayList<>();
        Promise<Void> first = Promise.promise();
        d.submit("h", () -> first.future());
        for (int i = 0; i < 5; i++) {
            int n = i;
            d.submit("h", () -> {
                done.add("p" + n);
                return Future.succeededFuture();
            });
        }
        first.complete();
        assertThat(done).containsExactly("p0", "p1", "p2", "p3", "p4");
        assertThat(d.inFlight()).isZero();
        assertThat(d.queued()).isZero();
    }

    @Test
    void a_host_busy_with_deep_grabs_gets_no_liveness_probe_until_a_session_is_given_back() {
        HostSessions sessions = new HostSessions(2);
        ProbeDispatcher d = new ProbeDispatcher(10, sessions, 10);
        assertThat(sessions.tryAcquire("nvr-a")).as("first deep grab").isTrue();
        assertThat(sessions.tryAcquire("nvr-a")).as("second deep grab").isTrue();
        assertThat(sessions.tryAcquire("nvr-a")).as("a third session on the same device").isFalse();

        submit(d, "a1", "nvr-a");
        submit(d, "b1", "nvr-b");
        assertThat(started).containsExactly("b1");

        sessions.release("nvr-a");
        d.drain();
        assertThat(started).containsExactly("b1", "a1");
        assertThat(sessions.tryAcquire("nvr-a")).as("the probe holds the freed session").isFalse();

        running.get("a1").complete();
        assertThat(sessions.open("nvr-a")).isEqualTo(1);
    }
}
