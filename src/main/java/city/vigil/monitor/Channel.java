package city.vigil.monitor;

import city.vigil.status.ChannelStatus;
import city.vigil.status.ChannelView;
import city.vigil.status.LinkState;
import java.time.Instant;

/**
 * One monitored channel at run time. Owned by the monitor's event loop, which alone writes it; API threads read
 * the volatile snapshots (spec, state, last probe), each an immutable record, so they never see a torn update.
 * Kept small: a million of these must fit in well under a gigabyte.
 */
final class Channel {
    final String gbId;
    volatile ChannelSpec spec;
    volatile ChannelState state;
    volatile LastProbe last;
    volatile boolean inMaintenance;
    /** The image fault the deep tier found hard (three checks in a row), or null: DEGRADED while liveness is up. */
    volatile String imageFault;
    /** Nothing decodes although liveness answers (DESIGN §1 media truth): OFFLINE with cause NO_MEDIA. */
    volatile boolean mediaLost;
    /** The newest deep check decoded a picture without fault: counts toward the intact rate. */
    volatile boolean imageOk;
    int deepFailures;
    int deepSuccesses;
    /** Epoch millis of the last successful probe (0: never seen up). */
    volatile long lastSeen;

    /** Epoch millis of the first failure of the current run of failures (0: not failing): when an outage began. */
    long failingSince;
    /** When the next probe is due (epoch millis); valid while {@link #scheduled}. */
    long due;
    boolean scheduled;
    boolean inFlight;
    boolean removed;
    /** The registry comparison that last saw this channel (see ChannelBook.beginReconcile). */
    int seenEpoch;
    /** Restored after a restart and not probed since: opens no outage (DESIGN §1 restart safety). */
    boolean awaitingFirstProbe;
    /** An outage of this channel is open in PostgreSQL (as far as this monitor wrote or found at start-up). */
    boolean outageOpen;
    /** The open outage is an image fault's (DEGRADED), not a loss of stream: a change of kind replaces it. */
    boolean outageDegraded;
    /** The open outage's cause, carried by the event of the outage that replaces it. */
    String outageCause;
    /** Last result failed / failed hard: what the parent tracker counted for this channel. */
    boolean countedFailing;
    boolean countedHard;
    /** How its time counts for availability, as last written (null: not written by this run yet). */
    TimeCategory category;

    Channel(ChannelSpec spec, ChannelState state) {
        this.gbId = spec.gbId();
        this.spec = spec;
        this.state = state;
    }

    /** Counts in the rates and may have outages: in service and not in maintenance. */
    boolean counted() {
        return spec.inService() && !inMaintenance;
    }

    ChannelStatus status() {
        ChannelSpec s = spec;
        ChannelState st = state;
        return new ChannelStatus(gbId, s.areaPath(), s.pointClass(), s.maintainer(), s.owner(), st.state(), st.flapping(), s.inService(),
                inMaintenance, s.networked(), s.complete(), st.state() == LinkState.ONLINE && imageOk, st.since(), st.cause());
    }

    Instant lastSeenAt() {
        long seen = lastSeen;
        return seen == 0 ? null : Instant.ofEpochMilli(seen);
    }

    /** The live view the API shows. */
    ChannelView view(boolean parentOffline, int failuresToOffline) {
        Channel c = this;
        ChannelSpec spec = c.spec;
        ChannelState st = c.state;
        LastProbe last = c.last;
        ChannelStatus status = c.status();
        ChannelView.Probe probe = last == null ? null
                : new ChannelView.Probe(Instant.ofEpochMilli(last.atMillis()), last.up(), last.latencyMs(), last.cause(), last.detail());
        boolean soft = st.failures() > 0 && st.state().online();
        long failing = c.failingSince;
        return new ChannelView(c.gbId, st.state(), st.since(), st.cause(), c.imageFault, status.intact(), st.flapping(), soft, st.failures(),
                failuresToOffline, failing == 0 ? null : Instant.ofEpochMilli(failing), spec.inService(),
                c.inMaintenance,
                status.monitored(), probe, c.lastSeenAt(), c.scheduled ? Instant.ofEpochMilli(c.due) : null, spec.parentGbId(),
                parentOffline);
    }
}
