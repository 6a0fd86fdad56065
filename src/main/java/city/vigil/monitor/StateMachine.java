package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns probe results into channel states as an operator would (DESIGN §1): soft and hard failures, recovery
 * hysteresis, one flapping event instead of a storm of down/up, and UNREACHABLE (no outage of its own) when the
 * parent device is offline. Pure: no clock, no I/O; the same inputs always give the same outputs.
 */
public final class StateMachine {

    /** What a transition tells the rest of the monitor. */
    public enum Event { WENT_OFFLINE, CAME_ONLINE, BECAME_UNREACHABLE, FLAPPING_STARTED, FLAPPING_STOPPED }

    /**
     * The next state, the events to record, and whether the failure is still soft (the scheduler then re-probes at
     * the fast retry interval).
     */
    public record Step(ChannelState next, List<Event> events, boolean soft) {
    }

    private final StateRules rules;

    public StateMachine(StateRules rules) {
        this.rules = rules;
    }

    public Step onResult(ChannelState s, boolean up, ProbeCause cause, Instant at, boolean parentOffline) {
        long history = ((s.history() << 1) | (up ? 0 : 1)) & mask();
        int results = Math.min(rules.flapWindow(), s.results() + 1);
        int failures = up ? 0 : s.failures() + 1;
        int successes = up ? s.successes() + 1 : 0;
        LinkState state = s.state();
        List<Event> events = new ArrayList<>();
        boolean flapping = s.flapping();
        double rate = changeRate(history, results);
        if (!flapping && rate > rules.flapEnter()) {
            flapping = true;
            events.add(Event.FLAPPING_STARTED);
        } else if (flapping && rate < rules.flapLeave()) {
            flapping = false;
            events.add(Event.FLAPPING_STOPPED);
        }
        LinkState next = state;
        if (up) {
            boolean recovered = state == LinkState.UNKNOWN || successes >= rules.successesToOnline();
            if (!state.online() && recovered) {
                next = LinkState.ONLINE;
                if (state == LinkState.OFFLINE || state == LinkState.UNREACHABLE) {
                    events.add(Event.CAME_ONLINE);
                }
            }
        } else if (parentOffline) {
            if (state != LinkState.UNREACHABLE) {
                next = LinkState.UNREACHABLE;
                events.add(Event.BECAME_UNREACHABLE);
            }
        } else if (state != LinkState.OFFLINE && failures >= rules.failuresToOffline()) {
            next = LinkState.OFFLINE;
            events.add(Event.WENT_OFFLINE);
        }
        if (flapping) {
            // While flapping, one FLAPPING_STARTED stands for the whole episode: no down/up storm.
            events.removeIf(e -> e == Event.WENT_OFFLINE || e == Event.CAME_ONLINE);
        }
        boolean soft = !up && next != LinkState.OFFLINE && next != LinkState.UNREACHABLE;
        ChannelState after = new ChannelState(next, next == state ? s.since() : at, failures, successes, history, results,
                flapping, up ? null : cause);
        return new Step(after, List.copyOf(events), soft);
    }

    /**
     * Weighted share of results that differ from the one before, over the window: recent changes weigh 1.2, the
     * oldest 0.8 (the classic flap detection of network monitors).
     */
    double changeRate(long history, int results) {
        int transitions = results - 1;
        if (transitions < 1) {
            return 0;
        }
        double changed = 0;
        double total = 0;
        for (int i = 0; i < transitions; i++) {
            // i = 0 is the newest transition.
            double weight = transitions == 1 ? 1.0 : 1.2 - 0.4 * i / (transitions - 1);
            total += weight;
            if (((history >> i) & 1) != ((history >> (i + 1)) & 1)) {
                changed += weight;
            }
        }
        // Too few results to judge: scale to the full window so a short start does not look like flapping.
        return changed / total * transitions / (rules.flapWindow() - 1);
    }

    private long mask() {
        return (1L << rules.flapWindow()) - 1;
    }
}
