package city.vigil.monitor;

import city.vigil.probe.ProbeCause;
import city.vigil.probe.ProbeResult;

/** The newest probe of a channel, as operators see it: when, the verdict, how long it took, why it failed. */
public record LastProbe(long atMillis, boolean up, ProbeCause cause, int latencyMs, String detail) {

    static LastProbe of(long atMillis, ProbeResult r) {
        return new LastProbe(atMillis, r.up(), r.cause(), (int) Math.min(Integer.MAX_VALUE, r.latency().toMillis()), r.detail());
    }
}
