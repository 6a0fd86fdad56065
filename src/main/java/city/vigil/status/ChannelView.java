package city.vigil.status;


import city.vigil.probe.ProbeCause;
import java.time.Instant;

/**
 * A channel's live status as the API shows it: state and since when, why (a probe cause, or the image fault of a
 * DEGRADED channel), whether its picture passed the newest deep check (intact), flapping, whether it counts in the rates,
 * the newest probe (when, verdict, latency, cause, detail), when it was last seen up and when it is probed next. A channel
 * still ONLINE whose latest probes failed is {@code soft}: {@code failures} in a row of the {@code failuresToOffline} that
 * make it OFFLINE, failing since {@code failingSince}.
 */
public record ChannelView(String gbId, LinkState state, Instant since, ProbeCause cause, String imageFault, boolean intact,
                          boolean flapping, boolean soft, int failures, int failuresToOffline, Instant failingSince, boolean inService,
                          boolean inMaintenance, boolean monitored, Probe lastProbe, Instant lastSeenAt, Instant nextProbeAt,
                          String parentGbId, boolean parentOffline) {

    /** The newest probe. */
    public record Probe(Instant at, boolean up, Integer latencyMs, ProbeCause cause, String detail) {
    }

    /** A channel this node does not monitor live: what PostgreSQL last recorded. */
    public static ChannelView recorded(String gbId, LinkState state, Instant since, ProbeCause cause, boolean flapping, boolean inService,
                                       Instant lastSeenAt, Instant lastProbeAt, String detail, String parentGbId) {
        Probe probe = lastProbeAt == null ? null : new Probe(lastProbeAt, state.online(), null, cause, detail);
        return new ChannelView(gbId, state, since, cause, null, false, flapping, false, 0, 0, null, inService, false,
                inService && state != LinkState.UNKNOWN, probe,
                lastSeenAt, null, parentGbId, false);
    }
}
