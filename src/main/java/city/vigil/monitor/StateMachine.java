package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import city.vigil.status.LinkState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns probe results into channel states as an operator would (DESIGN §1): soft and hard failures, recovery
 * hysteresis, one flapping event instead of a storm of down/up, and UNREACHABLE (no outage of its own) when the
 * parent device is offline. Pure: no clock, no I/O; the same inputs always give the same outputs.
 */
public final class StateMachine {

    /**
     * What a decision tells the rest of the monitor, as alerts see it: while a channel flaps, one FLAPPING_STARTED
     * stands for the whole episode (no down/up storm). {@link ChannelBook} turns them into writes.
     */
    public enum Event { WENT_OFFLINE, CAME_ONLINE, BECAME_DEGRADED, BECAME_UNREACHABLE, BECAME_UNKNOWN, FLAPPING_STARTED, FLAPPING_STOPPED }

    /**
     * The next state, the events it raises, and whether the failure is still soft (the scheduler then re-probes at the
     * fast retry interval). {@code from}: the state before, when this step is a row of the state history (the state or
     * flapping changed); {@code changed}: anything of the state changed, the cause included (the status is written).
     */
    public record Step(ChannelState next, List<Event> events, boolean soft, LinkState from, boolean changed) {
        static Step of(ChannelState before, ChannelState after, List<Event> events, boolean soft) {
            boolean transition = after.state() != before.state() || after.flapping() != before.flapping();
            return new Step(after, List.copyOf(events), soft, transition ? before.state() : null, transition || after.cause() != before.cause());
        }

        boolean raised(Event e) {
            return events.contains(e);
        }
    }

    private final StateRules rules;

    public StateMachine(StateRules rules) {
        this.rules = rules;
    }

    /**
     * A liveness result. {@code pictureFaulty}: the deep tier holds an image fault for the channel, so an online channel
     * is DEGRADED, since it came back.
     */
    public Step onResult(ChannelState s, boolean up, ProbeCause cause, Instant at, boolean parentOffline, boolean pictureFaulty) {
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
        return Step.of(s, withPicture(after, pictureFaulty, at, events), events, soft);
    }

    /**
     * The deep tier's verdict, once hard: {@code mediaLost} (nothing decodes) makes an online channel OFFLINE with cause
     * NO_MEDIA, and a decoded frame brings it back; {@code pictureFaulty} makes an online channel DEGRADED.
     */
    public Step onPicture(ChannelState s, boolean mediaLost, boolean pictureFaulty, Instant at) {
        List<Event> events = new ArrayList<>();
        ChannelState after = s;
        if (mediaLost && s.state().online()) {
            after = new ChannelState(LinkState.OFFLINE, at, s.failures(), 0, s.history(), s.results(), s.flapping(), ProbeCause.NO_MEDIA);
            events.add(Event.WENT_OFFLINE);
        } else if (!mediaLost && s.state() == LinkState.OFFLINE && s.cause() == ProbeCause.NO_MEDIA) {
            after = new ChannelState(LinkState.ONLINE, at, 0, 0, s.history(), s.results(), s.flapping(), null);
            events.add(Event.CAME_ONLINE);
        }
        return Step.of(s, withPicture(after, pictureFaulty, at, events), events, false);
    }

    /**
     * A result that says nothing about the camera: UNKNOWN with its cause. The target is not allowed (its run of
     * results starts again), or the prober itself is suspect (DESIGN §1: the run is kept for when it recovers).
     */
    public Step unjudged(ChannelState s, ProbeCause cause, Instant at, boolean keepHistory) {
        Instant since = s.state() == LinkState.UNKNOWN ? s.since() : at;
        ChannelState after = keepHistory ? new ChannelState(LinkState.UNKNOWN, since, 0, 0, s.history(), s.results(), s.flapping(), cause)
                : new ChannelState(LinkState.UNKNOWN, since, 0, 0, 0, 0, false, cause);
        List<Event> events = s.state() == LinkState.UNKNOWN ? List.of() : List.of(Event.BECAME_UNKNOWN);
        return Step.of(s, after, events, false);
    }

    /** ONLINE and DEGRADED follow the picture, since the moment the picture decides it. */
    private static ChannelState withPicture(ChannelState s, boolean pictureFaulty, Instant at, List<Event> events) {
        LinkState wanted = pictureFaulty ? LinkState.DEGRADED : LinkState.ONLINE;
        if (!s.state().online() || s.state() == wanted) {
            return s;
        }
        if (pictureFaulty) {
            events.add(Event.BECAME_DEGRADED);
        }
        return new ChannelState(wanted, at, s.failures(), s.successes(), s.history(), s.results(), s.flapping(), s.cause());
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
