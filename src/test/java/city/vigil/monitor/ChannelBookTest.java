package city.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.camera.Lifecycle;
import city.vigil.camera.StreamProtocol;
import city.vigil.maintenance.MaintenanceRule;
import city.vigil.maintenance.Recurrence;
import city.vigil.probe.ProbeCause;
import city.vigil.probe.ProbeResult;
import city.vigil.status.ChannelStatus;
import city.vigil.status.ChannelView;
import city.vigil.status.LinkState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monitor's decisions on a fake clock: result sequences in, states and outage opens/closes out. Results are
 * 'U' (up) and 'D' (down, TIMEOUT), one every 10 s.
 */
class ChannelBookTest {
    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private static final String TIANHE = "440100/440106/440106001/";

    private final List<Write> writes = new ArrayList<>();
    private final List<ProberGuard.Change> alerts = new ArrayList<>();
    private final ChannelBook book = new ChannelBook(
            pc -> ClassPolicies.ClassPolicy.of(new ProbeTiming(Duration.ofSeconds(30), Duration.ofSeconds(10)), StateRules.defaults()),
            new ProberGuard(new ProberGuard.Rules(Duration.ofSeconds(30), 20, 0.8, 0.5, 3)), writes::add, (c, at) -> alerts.add(c));
    private Instant now = T0;

    private static ChannelSpec spec(String gbId, String areaPath, String parent, Lifecycle lifecycle) {
        return new ChannelSpec(gbId, 1, areaPath, ChannelSpec.districtOf(areaPath), "运维一队", "广州市公安局", lifecycle, parent, true, true, "rtsp://10.1.0.1/" + gbId, StreamProtocol.RTSP, null, "MAIN");
    }

    private static ChannelSpec spec(String gbId) {
        return spec(gbId, TIANHE, null, Lifecycle.IN_USE);
    }

    private void feed(String gbId, String results) {
        for (char r : results.toCharArray()) {
            now = now.plusSeconds(10);
            Channel c = book.channel(gbId);
            book.onResult(c, c.spec, r == 'U' ? ProbeResult.up(Duration.ofMillis(5))
                    : ProbeResult.down(ProbeCause.TIMEOUT, Duration.ofSeconds(3), "no answer"), now.toEpochMilli(), now);
        }
    }

    /** Outage writes as "open:ID@second close:ID@second", seconds after T0. */
    private String outages() {
        return writes.stream().map(w -> {
            if (w instanceof Write.OpenOutage o) {
                return "open:" + o.gbId().substring(16) + "@" + Duration.between(T0, o.at()).toSeconds();
            }
            if (w instanceof Write.CloseOutage c) {
                return "close:" + c.gbId().substring(16) + "@" + Duration.between(T0, c.at()).toSeconds();
            }
            return null;
        }).filter(s -> s != null).collect(Collectors.joining(" "));
    }

    private LinkState state(String gbId) {
        return book.channel(gbId).state.state();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UUUU            | ONLINE  | ''
            UDD             | ONLINE  | ''
            UDDD            | OFFLINE | open:0001@20
            UDDDDDD         | OFFLINE | open:0001@20
            UDDDUU          | ONLINE  | open:0001@20 close:0001@60
            UDDDUDU         | OFFLINE | open:0001@20
            """)
    void outages_open_on_hard_failure_from_the_first_failure_and_close_on_recovery(String results, LinkState state, String outages) {
        book.upsert(spec("44010600001320000001"), now);
        feed("44010600001320000001", results);
        assertThat(state("44010600001320000001")).isEqualTo(state);
        assertThat(outages()).isEqualTo(outages);
    }

    @Test
    void a_loss_is_down_for_availability_from_the_same_first_failed_probe_as_its_outage() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "UDDD");
        Write.OpenOutage opened = writes.stream().filter(w -> w instanceof Write.OpenOutage).map(Write.OpenOutage.class::cast).findFirst().orElseThrow();
        Write.Category down = writes.stream().filter(w -> w instanceof Write.Category k && k.category() == TimeCategory.DOWN)
                .map(Write.Category.class::cast).findFirst().orElseThrow();
        assertThat(down.at()).as("one definition of down").isEqualTo(opened.at()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void a_failing_camera_shows_its_soft_failures_and_flapping_is_a_transition_of_its_own() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "UDD");
        ChannelView view = book.channel(id).view(false, 3);
        assertThat(view.state()).isEqualTo(LinkState.ONLINE);
        assertThat(view.soft()).isTrue();
        assertThat(view.failures()).isEqualTo(2);
        assertThat(view.failingSince()).isEqualTo(T0.plusSeconds(20));
        while (!book.channel(id).state.flapping()) {
            feed(id, "DDDUU");
        }
        assertThat(writes).as("entering flapping is in the state history")
                .anyMatch(w -> w instanceof Write.Status st && st.from() != null && st.status().flapping());
    }

    @Test
    void a_flapping_channel_gives_no_storm_of_outages() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "UUUUU");
        int cycles = 0;
        while (!book.channel(id).state.flapping()) {
            feed(id, "DDDUU");
            cycles++;
        }
        assertThat(cycles).as("down 3, up 2, over and over: flapping within the 21-result window").isLessThanOrEqualTo(5);
        int writesBefore = outages().length();

        feed(id, "DDDUU".repeat(6));
        assertThat(book.channel(id).state.flapping()).isTrue();
        assertThat(outages().length()).as("no outage opened or closed while it flaps").isEqualTo(writesBefore);
        assertThat(writes.stream().filter(w -> w instanceof Write.Flapping)).as("one camera.flapping for the whole episode").hasSize(1);
    }

    @Test
    void channels_behind_a_dead_nvr_are_unreachable_and_the_nvr_gets_the_one_outage() {
        String nvr = "44010600001180000009";
        book.upsert(spec("44010600001320000001", TIANHE, nvr, Lifecycle.IN_USE), now);
        book.upsert(spec("44010600001320000002", TIANHE, nvr, Lifecycle.IN_USE), now);
        feed("44010600001320000001", "U");
        feed("44010600001320000002", "U");
        for (int i = 0; i < 3; i++) {
            feed("44010600001320000001", "D");
            feed("44010600001320000002", "D");
        }
        feed("44010600001320000001", "D");
        feed("44010600001320000002", "D");

        assertThat(state("44010600001320000001")).isEqualTo(LinkState.UNREACHABLE);
        assertThat(state("44010600001320000002")).isEqualTo(LinkState.UNREACHABLE);
        assertThat(outages()).as("one outage, the NVR's, when the first of its channels fails hard").isEqualTo("open:0009@70");

        feed("44010600001320000001", "U");
        assertThat(outages()).as("one channel answering again proves the NVR is back").isEqualTo("open:0009@70 close:0009@110");
    }

    @Test
    void maintenance_keeps_a_failing_channel_out_of_rates_and_outages_until_it_ends() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        MaintenanceRule rule = new MaintenanceRule(1, T0, T0.plusSeconds(100), Recurrence.NONE, null, Set.of(), "440100/440106/",
                Set.of(), null);
        book.setRules(List.of(rule), now);
        feed(id, "UDDDD");

        assertThat(state(id)).isEqualTo(LinkState.OFFLINE);
        assertThat(book.channel(id).status().bucket()).isEqualTo(ChannelStatus.Bucket.MAINTENANCE);
        assertThat(outages()).isEmpty();

        now = T0.plusSeconds(100);
        book.everySecond(now);
        assertThat(book.channel(id).status().bucket()).isEqualTo(ChannelStatus.Bucket.OFFLINE);
        assertThat(outages()).as("opens when the window ends, if still down").isEqualTo("open:0001@100");
    }

    @Test
    void a_recurring_window_covers_only_its_scope_and_its_hours() {
        MaintenanceRule nightly = new MaintenanceRule(2, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)), Recurrence.DAILY,
                null, Set.of(), null, Set.of(1), "运维一队");
        assertThat(nightly.activeAt(T0.plus(Duration.ofDays(3).plusHours(3)))).isTrue();
        assertThat(nightly.activeAt(T0.plus(Duration.ofDays(3).plusHours(5)))).isFalse();
        assertThat(nightly.activeAt(T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(nightly.covers("x", TIANHE, 1, "运维一队")).isTrue();
        assertThat(nightly.covers("x", TIANHE, 2, "运维一队")).as("other class").isFalse();
        assertThat(nightly.covers("x", TIANHE, 1, "运维二队")).as("other maintainer").isFalse();
    }

    @Test
    void after_a_restart_no_outage_opens_until_the_channel_is_probed_again() {
        String id = "44010600001320000001";
        book.restore(spec(id), ChannelState.restored(LinkState.OFFLINE, T0.minusSeconds(3600), ProbeCause.REFUSED), null, false, 0, now);
        MaintenanceRule ended = new MaintenanceRule(1, T0.minusSeconds(7200), T0.minusSeconds(60), Recurrence.NONE, null, Set.of(id),
                null, Set.of(), null);
        book.setRules(List.of(ended), now);
        book.everySecond(now);
        assertThat(outages()).as("no probe since the restart").isEmpty();

        feed(id, "D");
        assertThat(outages()).as("probed and still down").isEqualTo("open:0001@10");
    }

    @Test
    void a_restored_open_outage_closes_when_the_channel_is_back() {
        String id = "44010600001320000001";
        book.restore(spec(id), ChannelState.restored(LinkState.OFFLINE, T0.minusSeconds(3600), ProbeCause.REFUSED), null, true, 0, now);
        feed(id, "D");
        assertThat(outages()).as("already open: not opened twice").isEmpty();
        feed(id, "UU");
        assertThat(state(id)).isEqualTo(LinkState.ONLINE);
        assertThat(outages()).isEqualTo("close:0001@30");
    }

    @Test
    void when_most_probes_fail_across_districts_the_prober_is_suspect_and_opens_no_outages() {
        List<String> ids = new ArrayList<>();
        String[] districts = {"440103", "440104", "440105", "440106"};
        for (int i = 0; i < 40; i++) {
            String id = String.format("%s0000132%07d", districts[i % 4], i);
            ids.add(id);
            book.upsert(spec(id, "440100/" + districts[i % 4] + "/", null, Lifecycle.IN_USE), now);
        }
        for (int round = 0; round < 4; round++) {
            now = now.plusSeconds(1);
            for (String id : ids) {
                Channel c = book.channel(id);
                book.onResult(c, c.spec, ProbeResult.down(ProbeCause.TIMEOUT, Duration.ofSeconds(3), "no answer"), now.toEpochMilli(), now);
            }
            book.everySecond(now);
        }
        assertThat(alerts).containsExactly(ProberGuard.Change.BECAME_SUSPECT);
        assertThat(book.suspect()).isTrue();
        assertThat(ids.stream().map(this::state).collect(Collectors.toSet())).containsExactly(LinkState.UNKNOWN);
        assertThat(outages()).isEmpty();
    }

    @Test
    void an_image_fault_found_three_times_degrades_the_channel_and_survives_a_restart() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "U");
        book.onDeepResult(id, false, "BLACK", now);
        book.onDeepResult(id, false, "BLACK", now);
        assertThat(state(id)).as("soft: two checks").isEqualTo(LinkState.ONLINE);
        book.onDeepResult(id, false, "BLACK", now);
        assertThat(state(id)).isEqualTo(LinkState.DEGRADED);
        assertThat(writes).anyMatch(w -> w instanceof Write.OpenOutage o && "BLACK".equals(o.cause()));
        feed(id, "UU");
        assertThat(state(id)).as("liveness up keeps the picture's verdict").isEqualTo(LinkState.DEGRADED);

        ChannelBook restarted = new ChannelBook(
                pc -> ClassPolicies.ClassPolicy.of(new ProbeTiming(Duration.ofSeconds(30), Duration.ofSeconds(10)), StateRules.defaults()),
                new ProberGuard(ProberGuard.Rules.defaults()), w -> { }, (c, at) -> { });
        restarted.restore(spec(id), ChannelState.restored(LinkState.DEGRADED, now, null), "BLACK", true, 0, now);
        Channel c = restarted.channel(id);
        restarted.onResult(c, c.spec, ProbeResult.up(Duration.ofMillis(3)), now.toEpochMilli(), now.plusSeconds(10));
        assertThat(c.state.state()).as("no false recovery after a restart").isEqualTo(LinkState.DEGRADED);
    }

    /** Outage writes with their kind: "open:CAUSE[<REPLACED]", "close" (a recovery) or "end" (replaced at once). */
    private String outageKinds() {
        return writes.stream().map(w -> {
            if (w instanceof Write.OpenOutage o) {
                return "open:" + o.cause() + (o.replacedCause() == null ? "" : "<" + o.replacedCause());
            }
            if (w instanceof Write.CloseOutage c) {
                return c.recovered() ? "close" : "end";
            }
            return null;
        }).filter(s -> s != null).collect(Collectors.joining(" "));
    }

    private void degrade(String id, String fault) {
        for (int i = 0; i < 3; i++) {
            book.onDeepResult(id, false, fault, now);
        }
    }

    private void heal(String id) {
        for (int i = 0; i < 2; i++) {
            book.onDeepResult(id, false, null, now);
        }
    }

    @Test
    void a_degraded_camera_that_loses_its_stream_gets_a_loss_outage_and_its_recovery_names_the_loss() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "U");
        degrade(id, "BLACK");
        assertThat(state(id)).isEqualTo(LinkState.DEGRADED);
        feed(id, "DDD");
        assertThat(state(id)).isEqualTo(LinkState.OFFLINE);
        assertThat(outageKinds()).as("ONLINE→DEGRADED→OFFLINE: the image outage ends without a recovery, a loss outage opens")
                .isEqualTo("open:BLACK end open:TIMEOUT<BLACK");
        feed(id, "UU");
        assertThat(state(id)).as("back with the fault still known").isEqualTo(LinkState.DEGRADED);
        assertThat(outageKinds()).as("OFFLINE→DEGRADED: the loss recovers, the image fault opens again")
                .isEqualTo("open:BLACK end open:TIMEOUT<BLACK close open:BLACK<TIMEOUT");
        heal(id);
        assertThat(state(id)).isEqualTo(LinkState.ONLINE);
        assertThat(outageKinds()).as("DEGRADED→ONLINE closes the image outage").endsWith("open:BLACK<TIMEOUT close");
        feed(id, "DDD");
        feed(id, "UU");
        assertThat(outageKinds()).as("ONLINE→OFFLINE→ONLINE").endsWith("close open:TIMEOUT close");
    }

    @Test
    void a_degraded_camera_is_degraded_since_the_picture_failed_not_since_it_came_online() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "U");
        Instant online = book.channel(id).state.since();
        now = now.plusSeconds(600);
        degrade(id, "FROZEN");
        assertThat(book.channel(id).state.since()).isEqualTo(now).isNotEqualTo(online);
        assertThat(writes).anyMatch(w -> w instanceof Write.Status st && st.from() == LinkState.ONLINE
                && st.status().state() == LinkState.DEGRADED && st.status().since().equals(now));
    }

    @Test
    void no_decodable_frame_while_liveness_answers_is_offline_with_no_media_until_a_frame_decodes() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "U");
        for (int i = 0; i < 3; i++) {
            book.onDeepResult(id, true, null, now);
        }
        assertThat(state(id)).isEqualTo(LinkState.OFFLINE);
        assertThat(book.channel(id).state.cause()).isEqualTo(ProbeCause.NO_MEDIA);
        feed(id, "UUU");
        assertThat(state(id)).as("an answering server is no recovery").isEqualTo(LinkState.OFFLINE);
        book.onDeepResult(id, false, null, now);
        assertThat(state(id)).as("soft: one good check").isEqualTo(LinkState.OFFLINE);
        book.onDeepResult(id, false, null, now);
        assertThat(state(id)).isEqualTo(LinkState.ONLINE);
        assertThat(book.channel(id).status().intact()).isTrue();
    }

    @Test
    void repair_takes_a_channel_out_of_the_rates_and_closes_its_outage() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        feed(id, "UDDD");
        book.upsert(spec(id, TIANHE, null, Lifecycle.REPAIR), now);

        assertThat(outages()).isEqualTo("open:0001@20 close:0001@40");
        assertThat(book.channel(id).status().bucket()).isEqualTo(ChannelStatus.Bucket.OUT_OF_SERVICE);
    }

    @Test
    void registry_comparison_adds_changes_and_removes_channels() {
        book.upsert(spec("44010600001320000001"), now);
        book.upsert(spec("44010600001320000002"), now);
        feed("44010600001320000002", "UDDD");

        book.beginReconcile();
        book.reconcileBatch(List.of(spec("44010600001320000001"), spec("44010600001320000003")), now);
        int removed = book.endReconcile(now);

        assertThat(removed).isEqualTo(1);
        assertThat(book.channel("44010600001320000002")).isNull();
        assertThat(book.channel("44010600001320000003").state.state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(outages()).as("a removed camera's outage closes").endsWith("close:0002@40");
        assertThat(writes).anyMatch(w -> w instanceof Write.Removed r && r.gbId().equals("44010600001320000002"));
    }

    @Test
    void due_channels_come_off_the_schedule_on_their_phase_and_soft_failures_retry_fast() {
        String id = "44010600001320000001";
        book.upsert(spec(id), now);
        Channel c = book.channel(id);
        long firstDue = c.due;
        assertThat(firstDue).isBetween(T0.toEpochMilli(), T0.plusSeconds(30).toEpochMilli());
        assertThat(book.takeDue(firstDue - 1)).isEmpty();
        assertThat(book.takeDue(firstDue)).containsExactly(c);

        Instant at = Instant.ofEpochMilli(firstDue).plusMillis(200);
        book.onResult(c, c.spec, ProbeResult.down(ProbeCause.REFUSED, Duration.ofMillis(1), "refused"), firstDue, at);
        assertThat(c.due).as("soft failure: retry after 10 s").isEqualTo(at.plusSeconds(10).toEpochMilli());
        assertThat(Map.of("scheduled", book.scheduled())).containsEntry("scheduled", 1);
    }
}
