package city.vigil.status;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.probe.ProbeCause;
import city.vigil.rates.RateCounts;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every status store must do; each implementation's test extends this with its own store. */
abstract class StatusStoreContract {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final String TIANHE_STREET = "440100/440106/440106001/";
    private static final String YUEXIU = "440100/440104/";

    abstract StatusStore store();

    /** Updates per thread in the concurrency test: a remote store gets fewer, the check is the same. */
    int updatesPerThread() {
        return 5_000;
    }

    static ChannelStatus status(String id, String path, int pointClass, LinkState state, boolean inService) {
        return status(id, path, pointClass, "运维一队", state, inService, false);
    }

    static ChannelStatus status(String id, String path, int pointClass, String maintainer, LinkState state, boolean inService,
                                boolean inMaintenance) {
        return status(id, path, pointClass, maintainer, "广州市公安局", state, inService, inMaintenance);
    }

    static ChannelStatus status(String id, String path, int pointClass, String maintainer, String owner, LinkState state, boolean inService,
                                boolean inMaintenance) {
        return new ChannelStatus(id, path, pointClass, maintainer, owner, state, false, inService, inMaintenance, true, pointClass != 1, false, NOW,
                state == LinkState.OFFLINE ? ProbeCause.TIMEOUT : null);
    }

    @Test
    void counts_every_area_level_and_class_without_scanning() {
        StatusStore store = store();
        store.put(status("a", TIANHE_STREET, 1, LinkState.ONLINE, true));
        store.put(status("b", TIANHE_STREET, 3, LinkState.OFFLINE, true));
        store.put(status("c", YUEXIU, 1, LinkState.UNKNOWN, true));
        store.put(status("d", YUEXIU, 2, LinkState.DEGRADED, true));
        store.put(status("e", YUEXIU, 2, LinkState.OFFLINE, false));

        RateCounts city = store.counts("440100", null);
        assertThat(city.total()).isEqualTo(5);
        assertThat(city.monitored()).as("unknown and out of service are not monitored").isEqualTo(3);
        assertThat(city.onlineRate()).as("degraded counts as online").isEqualTo(2 / 3.0);
        assertThat(city.inUse()).as("registry facts count channels in use only").isEqualTo(4);
        assertThat(city.networkingRate()).isEqualTo(1.0);
        assertThat(city.completeness()).as("class-1 records here lack a field").isEqualTo(0.5);
        assertThat(store.counts("440106", 1).online()).isEqualTo(1);
        assertThat(store.counts("440106001", 3).offline()).isEqualTo(1);
        assertThat(store.counts("440104", null).outOfService()).isEqualTo(1);
        assertThat(store.counts(null, 2).total()).isEqualTo(2);
        assertThat(store.counts("440118", null)).isEqualTo(RateCounts.EMPTY);
        assertThat(store.counts("440118", null).onlineRate()).isNull();
    }

    @Test
    void counts_by_maintainer_unit_at_any_area_level() {
        StatusStore store = store();
        store.put(status("a", TIANHE_STREET, 1, "运维一队", LinkState.ONLINE, true, false));
        store.put(status("b", TIANHE_STREET, 2, "运维二队", LinkState.OFFLINE, true, false));
        store.put(status("c", YUEXIU, 2, "运维二队", LinkState.ONLINE, true, false));
        store.put(status("d", YUEXIU, 3, null, LinkState.ONLINE, true, false));

        assertThat(store.counts("440106", null, "运维二队").offline()).isEqualTo(1);
        assertThat(store.counts(null, null, "运维二队").onlineRate()).isEqualTo(0.5);
        assertThat(store.counts("440100", null, "运维一队").online()).isEqualTo(1);
        assertThat(store.counts("440104", null, "").online()).as("channels without a maintainer").isEqualTo(1);
        assertThat(store.maintainers("440100")).containsExactly(null, "运维一队", "运维二队");
        assertThat(store.maintainers("440104")).containsExactly(null, "运维二队");
    }

    @Test
    void counts_by_owner_unit_at_any_area_level_and_follows_a_change_of_owner() {
        StatusStore store = store();
        store.put(status("a", TIANHE_STREET, 1, "运维一队", "广州市公安局天河区分局", LinkState.ONLINE, true, false));
        store.put(status("b", TIANHE_STREET, 2, "运维一队", "广州地铁集团有限公司", LinkState.OFFLINE, true, false));
        store.put(status("c", YUEXIU, 2, "运维二队", "广州地铁集团有限公司", LinkState.ONLINE, true, false));
        store.put(status("d", YUEXIU, 3, "运维二队", null, LinkState.ONLINE, true, false));

        assertThat(store.ownerCounts(null, "广州地铁集团有限公司").onlineRate()).isEqualTo(0.5);
        assertThat(store.ownerCounts("440106", "广州地铁集团有限公司").offline()).isEqualTo(1);
        assertThat(store.ownerCounts("440104", "").online()).as("channels without an owner").isEqualTo(1);
        assertThat(store.owners("440100")).containsExactly(null, "广州地铁集团有限公司", "广州市公安局天河区分局");
        assertThat(store.owners("440106")).containsExactly("广州地铁集团有限公司", "广州市公安局天河区分局");

        // The metro hands camera b to the Tianhe police: its counts move with it.
        store.put(status("b", TIANHE_STREET, 2, "运维一队", "广州市公安局天河区分局", LinkState.OFFLINE, true, false));
        assertThat(store.ownerCounts("440106", "广州地铁集团有限公司").monitored()).isZero();
        assertThat(store.ownerCounts("440106", "广州市公安局天河区分局").monitored()).isEqualTo(2);
        assertThat(store.owners("440106")).containsExactly("广州市公安局天河区分局");
    }

    @Test
    void replacing_everything_rebuilds_the_counters() {
        StatusStore store = store();
        store.put(status("stale", YUEXIU, 1, LinkState.ONLINE, true));
        store.replaceAll(List.of(status("a", TIANHE_STREET, 1, LinkState.OFFLINE, true), status("b", YUEXIU, 2, LinkState.ONLINE, true)));

        assertThat(store.get("stale")).isEmpty();
        assertThat(store.counts("440100", null)).isEqualTo(new RateCounts(1, 0, 1, 0, 0, 0, 0, 2, 2, 1, 0));
        assertThat(store.counts("440104", 1).total()).isZero();
        assertThat(store.intact()).isTrue();
    }

    @Test
    void a_state_change_moves_the_channel_between_counters() {
        StatusStore store = store();
        store.put(status("x", TIANHE_STREET, 1, LinkState.ONLINE, true));
        store.put(status("x", TIANHE_STREET, 1, LinkState.OFFLINE, true));
        assertThat(store.counts("440106", 1)).isEqualTo(new RateCounts(0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0));
        store.put(status("x", TIANHE_STREET, 1, "运维一队", LinkState.OFFLINE, true, true));
        assertThat(store.counts("440106", 1)).as("in maintenance").isEqualTo(new RateCounts(0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0));
        store.put(status("x", TIANHE_STREET, 1, LinkState.OFFLINE, false));
        assertThat(store.counts("440106", 1)).isEqualTo(new RateCounts(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0));
        store.remove("x");
        assertThat(store.counts("440106", 1).total()).isZero();
        assertThat(store.get("x")).isEmpty();
    }

    @Test
    void a_district_going_dark_at_once_moves_every_counter_exactly() {
        StatusStore store = store();
        List<StatusStore.Change> up = new java.util.ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            up.add(StatusStore.Change.put(status("cam" + n, n % 2 == 0 ? TIANHE_STREET : YUEXIU, 1 + n % 3, LinkState.ONLINE, true)));
        }
        store.apply(up);
        List<StatusStore.Change> dark = new java.util.ArrayList<>();
        for (int n = 0; n < 3_000; n += 2) {
            dark.add(StatusStore.Change.put(status("cam" + n, TIANHE_STREET, 1 + n % 3, LinkState.OFFLINE, true)));
        }
        // The same channel twice in one batch, and a removal: applied in order.
        dark.add(StatusStore.Change.put(status("cam1", YUEXIU, 2, LinkState.OFFLINE, true)));
        dark.add(StatusStore.Change.put(status("cam1", YUEXIU, 2, LinkState.ONLINE, true)));
        dark.add(StatusStore.Change.removal("cam3"));
        store.apply(dark);

        assertThat(store.counts("440106", null)).isEqualTo(new RateCounts(0, 0, 1_500, 0, 0, 0, 0, 1_500, 1_500, 1_000, 0));
        assertThat(store.counts("440104", null).online()).isEqualTo(1_499);
        assertThat(store.counts("440100", null).total()).isEqualTo(2_999);
        assertThat(store.get("cam1").orElseThrow().state()).isEqualTo(LinkState.ONLINE);
        assertThat(store.get("cam3")).isEmpty();
    }

    @Test
    void concurrent_updates_keep_every_total_exact() throws Exception {
        StatusStore store = store();
        List<String> paths = List.of(TIANHE_STREET, YUEXIU, "440100/440111/440111003/");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            long seed = t;
            work.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < updatesPerThread(); i++) {
                    int n = random.nextInt(500);
                    store.put(status("cam" + n, paths.get(n % 3), 1 + n % 3, LinkState.values()[random.nextInt(5)], random.nextInt(10) > 0));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long present = 0;
        long online = 0;
        for (int n = 0; n < 500; n++) {
            var s = store.get("cam" + n);
            present += s.isPresent() ? 1 : 0;
            online += s.filter(c -> c.inService() && !c.inMaintenance() && c.state().online()).isPresent() ? 1 : 0;
        }
        RateCounts all = store.counts(null, null);
        assertThat(all.total()).isEqualTo(present).isEqualTo(store.size());
        assertThat(all.online() + all.degraded()).isEqualTo(online);
        assertThat(store.counts("440100", null)).isEqualTo(all);
    }
}
