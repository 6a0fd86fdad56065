package city.vigil.status;

import city.vigil.probe.ProbeCause;
import java.time.Instant;

/** One recorded change of a channel's state: when, from what, to what, why, and whether it was flapping. */
public record Transition(long id, Instant at, LinkState from, LinkState to, ProbeCause cause, boolean flapping) {
}
