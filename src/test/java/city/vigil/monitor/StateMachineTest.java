package city.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.monitor.StateMachine.Event;
import city.vigil.probe.ProbeCause;
import city.vigil.status.LinkState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateMachineTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private final StateMachine machine = new StateMachine(StateRules.defaults());

    /** Feeds results ('U' up, 'D' down, 'P' down while the parent is offline), 30 s apart on a fake clock. */
    private List<StateMachine.Step> run(ChannelState start, String results) {
        List<StateMachine.Step> steps = new ArrayList<>();
        ChannelState s = start;
        for (int i = 0; i < results.length(); i++) {
            char r = results.charAt(i);
            StateMachine.Step step = machine.onResult(s, r == 'U', r == 'U' ? null : ProbeCause.TIMEOUT,
                    T0.plus(Duration.ofSeconds(30L * (i + 1))), r == 'P', false);
            steps.add(step);
            s = step.next();
        }
        return steps;
    }

    private static String states(List<StateMachine.Step> steps) {
        return steps.stream().map(s -> s.next().state().name().substring(0, 2)).collect(Collectors.joining(" "));
    }

    private static String events(List<StateMachine.Step> steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            for (Event e : steps.get(i).events()) {
                out.add((i + 1) + ":" + e);
            }
        }
        return out.isEmpty() ? "-" : String.join(" ", out);
    }

    /** Columns: results, states after each (first two letters), events as step:EVENT, soft flags. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UDDD     | ON ON ON OF             | 4:WENT_OFFLINE                     | -ss-
            UDDDUU   | ON ON ON OF OF ON       | 4:WENT_OFFLINE 6:CAME_ONLINE       | -ss---
            UDDUDDU  | ON ON ON ON ON ON ON    | -                                  | -ss-ss-
            DDD      | UN UN OF                | 3:WENT_OFFLINE                     | ss-
            UPUU     | ON UN UN ON             | 2:BECAME_UNREACHABLE 4:CAME_ONLINE | ----
            UDDDUDU  | ON ON ON OF OF OF OF    | 4:WENT_OFFLINE                     | -ss----
            """)
    void soft_and_hard_failures_recovery_and_parents(String results, String states, String events, String soft) {
        List<StateMachine.Step> steps = run(ChannelState.unknown(T0), results);
        assertThat(states(steps)).isEqualTo(states.trim());
        assertThat(events(steps)).isEqualTo(events.trim());
        assertThat(steps.stream().map(s -> s.soft() ? "s" : "-").collect(Collectors.joining())).isEqualTo(soft.trim());
    }

    @Test
    void a_parent_outage_makes_its_channels_unreachable_at_once() {
        List<StateMachine.Step> steps = run(ChannelState.unknown(T0), "UUP");
        assertThat(steps.get(2).next().state()).isEqualTo(LinkState.UNREACHABLE);
        assertThat(steps.get(2).events()).containsExactly(Event.BECAME_UNREACHABLE);
        assertThat(steps.get(2).events()).doesNotContain(Event.WENT_OFFLINE);
    }

    @Test
    void since_moves_only_when_the_state_changes_and_the_cause_is_kept() {
        List<StateMachine.Step> steps = run(ChannelState.unknown(T0), "UDDDD");
        assertThat(steps.get(2).next().since()).isEqualTo(steps.get(0).next().since());
        assertThat(steps.get(3).next().since()).isEqualTo(T0.plus(Duration.ofSeconds(120)));
        assertThat(steps.get(4).next().since()).isEqualTo(steps.get(3).next().since());
        assertThat(steps.get(4).next().cause()).isEqualTo(ProbeCause.TIMEOUT);
    }

    @Test
    void a_flapping_channel_raises_one_flapping_event_instead_of_a_storm() {
        List<StateMachine.Step> steps = run(ChannelState.unknown(T0), "UUDDD".repeat(8) + "U".repeat(30));
        String events = events(steps);
        assertThat(events.split(" ")).filteredOn(e -> e.endsWith("FLAPPING_STARTED")).hasSize(1);
        assertThat(events.split(" ")).filteredOn(e -> e.endsWith("FLAPPING_STOPPED")).hasSize(1);
        int started = indexOf(steps, Event.FLAPPING_STARTED);
        int stopped = indexOf(steps, Event.FLAPPING_STOPPED);
        assertThat(started).isBetween(10, 25);
        assertThat(stopped).isGreaterThan(40);
        for (int i = started + 1; i < stopped; i++) {
            assertThat(steps.get(i).events()).as("no down/up while flapping (step " + (i + 1) + ")")
                    .doesNotContain(Event.WENT_OFFLINE, Event.CAME_ONLINE);
        }
        assertThat(steps.get(steps.size() - 1).next().state()).isEqualTo(LinkState.ONLINE);
        assertThat(steps.get(steps.size() - 1).next().flapping()).isFalse();
    }

    @Test
    void steady_channels_never_flap() {
        assertThat(events(run(ChannelState.unknown(T0), "U".repeat(50)))).isEqualTo("-");
        assertThat(events(run(ChannelState.unknown(T0), "UUU" + "D".repeat(40)))).isEqualTo("6:WENT_OFFLINE");
    }

    @Test
    void a_restored_offline_channel_opens_no_second_outage() {
        // Restart grace: the last known state comes back; probing it again confirms it without a new WENT_OFFLINE.
        List<StateMachine.Step> steps = run(ChannelState.restored(LinkState.OFFLINE, T0, ProbeCause.REFUSED), "DDDD");
        assertThat(events(steps)).isEqualTo("-");
        assertThat(steps.get(3).next().state()).isEqualTo(LinkState.OFFLINE);
        assertThat(steps.get(3).next().since()).isEqualTo(T0);
    }

    private static int indexOf(List<StateMachine.Step> steps, Event event) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).events().contains(event)) {
                return i;
            }
        }
        return -1;
    }
}
