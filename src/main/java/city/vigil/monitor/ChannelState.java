package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import city.vigil.status.LinkState;
import java.time.Instant;

/**
 * Everything the state machine keeps per channel, small enough for a million channels: the state and since when,
 * the current run of failures or successes, the last results as bits (1 = failure, newest lowest), and the
 * flapping flag.
 */
public record ChannelState(LinkState state, Instant since, int failures, int successes, long history, int results,
                           boolean flapping, ProbeCause cause) {

    public static ChannelState unknown(Instant now) {
        return new ChannelState(LinkState.UNKNOWN, now, 0, 0, 0, 0, false, null);
    }

    /** A state restored after a restart: the last known state, with no run of results behind it yet. */
    public static ChannelState restored(LinkState state, Instant since, ProbeCause cause) {
        return new ChannelState(state, since, 0, 0, 0, 0, false, cause);
    }
}
