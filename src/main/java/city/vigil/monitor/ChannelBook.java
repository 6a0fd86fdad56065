package city.vigil.monitor;

import city.vigil.maintenance.MaintenanceRule;
import city.vigil.probe.ProbeCause;
import city.vigil.probe.ProbeResult;
import city.vigil.status.ChannelStatus;
import city.vigil.status.LinkState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the liveness monitor decides, without any I/O: the channels and when each is due, results turned into
 * states (state machine, parents, prober guard), maintenance and lifecycle, and the outages that follow from them,
 * emitted as {@link Write}s. Time comes in as arguments, so tests drive it with a fake clock. Single-threaded (the
 * monitor's event loop); only {@link #channel} and {@link #statuses} may be called from other threads.
 *
 * <p>Outages are level-triggered: after every decision a channel's outage is opened when it counts (in service, not in
 * maintenance), is OFFLINE or DEGRADED (the image fault is its cause) and not flapping, and closed when it is ONLINE,
 * UNREACHABLE (its parent has the outage) or no longer counts. UNKNOWN (prober suspect) neither opens nor closes. A channel restored after a restart opens none
 * until it has been probed again.
 */
final class ChannelBook implements StatusWriter.Snapshot {

    /** Prober-guard changes, for the monitor to alert on. */
    interface GuardListener {
        void changed(ProberGuard.Change change, Instant at);
    }

    private final PolicyLookup policies;
    private final ProberGuard guard;
    private final WriteQueue writes;
    private final GuardListener guardListener;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final PriorityQueue<Channel> dueQueue = new PriorityQueue<>(Comparator.comparingLong(c -> c.due));
    private final ParentTracker parents = new ParentTracker();
    private List<MaintenanceRule> rules = List.of();
    private Set<Long> activeRules = Set.of();
    private int reconcileEpoch;
    private final Set<String> removedDuringReconcile = new HashSet<>();

    /** The policy of a point class ({@link ClassPolicies#of}). */
    interface PolicyLookup {
        ClassPolicies.ClassPolicy of(int pointClass);
    }

    ChannelBook(PolicyLookup policies, ProberGuard guard, WriteQueue writes, GuardListener guardListener) {
        this.policies = policies;
        this.guard = guard;
        this.writes = writes;
        this.guardListener = guardListener;
    }

    // ---- reads (any thread) ----------------------------------------------------------------------------------

    Channel channel(String gbId) {
        return channels.get(gbId);
    }

    int size() {
        return channels.size();
    }

    int scheduled() {
        return dueQueue.size();
    }

    @Override
    public Collection<ChannelStatus> statuses() {
        List<ChannelStatus> all = new ArrayList<>(channels.size());
        for (Channel c : channels.values()) {
            all.add(c.status());
        }
        return all;
    }

    List<String> channelIds(java.util.function.IntPredicate pointClasses) {
        List<String> ids = new ArrayList<>();
        for (Channel c : channels.values()) {
            ChannelSpec spec = c.spec;
            if (spec.probed() && spec.inService() && pointClasses.test(spec.pointClass())) {
                ids.add(c.gbId);
            }
        }
        return ids;
    }

    boolean suspect() {
        return guard.suspect();
    }

    // ---- registry ----------------------------------------------------------------------------------------------

    /**
     * Adds a channel as restarts find it: its last known state (or UNKNOWN), whether an outage is open, when it was
     * last seen. Writes nothing: start-up rebuilds the store from {@link #statuses} in one go.
     */
    void restore(ChannelSpec spec, ChannelState state, String imageFault, boolean outageOpen, long lastSeen, Instant now) {
        restore(spec, state, imageFault, outageOpen, lastSeen, null, now);
    }

    /** {@code category}: the availability category PostgreSQL has open for it (null: none, written at its next change). */
    void restore(ChannelSpec spec, ChannelState state, String imageFault, boolean outageOpen, long lastSeen, TimeCategory category, Instant now) {
        Channel c = new Channel(spec, state);
        c.category = category;
        // The deep tier's verdict survives too: a DEGRADED channel stays DEGRADED, a NO_MEDIA one OFFLINE.
        c.imageFault = state.state() == LinkState.DEGRADED ? imageFault : null;
        c.mediaLost = state.state() == LinkState.OFFLINE && state.cause() == ProbeCause.NO_MEDIA;
        c.outageOpen = outageOpen;
        c.outageDegraded = outageOpen && state.state() == LinkState.DEGRADED;
        c.outageCause = !outageOpen ? null : c.outageDegraded ? imageFault : state.cause() == null ? null : state.cause().name();
        c.lastSeen = lastSeen;
        c.awaitingFirstProbe = true;
        c.inMaintenance = inMaintenance(spec);
        channels.put(c.gbId, c);
        if (spec.probed()) {
            parents.join(c);
            schedule(c, policy(spec).timing().first(c.gbId, now).toEpochMilli());
        }
    }

    /** A parent whose outage was open when the monitor stopped. */
    void restoreParentOutage(String parentGbId) {
        parents.parent(parentGbId).outageOpen = true;
    }

    /** A channel was registered or changed. */
    void upsert(ChannelSpec spec, Instant now) {
        Channel c = channels.get(spec.gbId());
        if (c == null) {
            c = new Channel(spec, ChannelState.unknown(now));
            c.seenEpoch = reconcileEpoch;
            c.inMaintenance = inMaintenance(spec);
            channels.put(c.gbId, c);
            if (spec.probed()) {
                parents.join(c);
            }
            writeStatus(c, null);
            noteCategory(c, now);
            if (spec.probed()) {
                schedule(c, policy(spec).timing().first(c.gbId, now).toEpochMilli());
            }
            return;
        }
        c.seenEpoch = reconcileEpoch;
        ChannelSpec old = c.spec;
        if (spec.sameAs(old)) {
            return;
        }
        if (old.probed()) {
            parentChange(c, parents.leave(c, old.parentGbId()), null, now);
        }
        c.spec = spec;
        if (spec.probed()) {
            parents.join(c);
        }
        c.inMaintenance = inMaintenance(spec);
        writeStatus(c, null);
        settleOutage(c, now, now);
        if (spec.probed() && !c.scheduled && !c.inFlight) {
            schedule(c, policy(spec).timing().first(c.gbId, now).toEpochMilli());
        }
    }

    /** A channel left the registry: its open outage closes, its status leaves the store. */
    void remove(String gbId, Instant now) {
        Channel c = channels.remove(gbId);
        if (c == null) {
            return;
        }
        c.removed = true;
        removedDuringReconcile.add(gbId);
        if (c.spec.probed()) {
            parentChange(c, parents.leave(c, c.spec.parentGbId()), null, now);
        }
        if (c.outageOpen) {
            writes.submit(new Write.CloseOutage(gbId, now));
        }
        noteCategory(c, now);
        writes.submit(new Write.Removed(gbId));
    }

    /**
     * Starts a comparison with the whole registry: channels then seen in {@link #reconcileBatch} (or changed through
     * the API meanwhile) stay, {@link #endReconcile} removes the rest.
     */
    void beginReconcile() {
        reconcileEpoch++;
        removedDuringReconcile.clear();
    }

    void reconcileBatch(List<ChannelSpec> specs, Instant now) {
        for (ChannelSpec spec : specs) {
            if (!removedDuringReconcile.contains(spec.gbId())) {
                upsert(spec, now);
            }
        }
    }

    /** Removes the channels the registry no longer has; returns how many. */
    int endReconcile(Instant now) {
        List<String> gone = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (c.seenEpoch != reconcileEpoch) {
                gone.add(c.gbId);
            }
        }
        gone.forEach(id -> remove(id, now));
        return gone.size();
    }

    // ---- probing -----------------------------------------------------------------------------------------------

    /** Takes the channels due at {@code nowMillis} off the schedule. */
    List<Channel> takeDue(long nowMillis) {
        List<Channel> due = new ArrayList<>();
        while (!dueQueue.isEmpty() && dueQueue.peek().due <= nowMillis) {
            Channel c = dueQueue.poll();
            c.scheduled = false;
            if (!c.removed && c.spec.probed()) {
                due.add(c);
            }
        }
        return due;
    }

    /** A due probe could not start (the dispatcher's queue is full): the channel waits for its next turn. */
    void skipped(Channel c, long dueMillis, Instant now) {
        c.inFlight = false;
        reschedule(c, dueMillis, now, false);
    }

    /**
     * A probe finished. {@code probed} is the spec it was made with: a result for a URL that changed meanwhile says
     * nothing about the new one and is dropped.
     */
    void onResult(Channel c, ChannelSpec probed, ProbeResult result, long dueMillis, Instant now) {
        c.inFlight = false;
        if (c.removed) {
            return;
        }
        if (!java.util.Objects.equals(probed.url(), c.spec.url())) {
            reschedule(c, dueMillis, now, false);
            return;
        }
        ChannelSpec spec = c.spec;
        ClassPolicies.ClassPolicy policy = policy(spec);
        c.last = LastProbe.of(now.toEpochMilli(), result);
        c.awaitingFirstProbe = false;
        ChannelState before = c.state;
        boolean soft = false;
        if (result.cause() == ProbeCause.NOT_ALLOWED) {
            // Not a camera fault: the channel is not monitored until the policy or its URL changes.
            apply(c, policy.machine().unjudged(before, ProbeCause.NOT_ALLOWED, now, false), now);
        } else {
            if (result.up()) {
                c.lastSeen = now.toEpochMilli();
            }
            guard.record(now, spec.district(), result.up());
            if (guard.suspect() && !result.up()) {
                // The prober itself is suspect: the result says nothing about the camera (DESIGN §1).
                apply(c, policy.machine().unjudged(before, result.cause(), now, true), now);
            } else {
                int failures = result.up() ? 0 : before.failures() + 1;
                if (failures == 1) {
                    c.failingSince = now.toEpochMilli();
                } else if (failures == 0) {
                    c.failingSince = 0;
                }
                parentChange(c, parents.record(c, !result.up(), failures >= policy.rules().failuresToOffline()), result.cause(), now);
                if (!(result.up() && c.mediaLost)) {
                    // While nothing decodes, an answering server is not a recovery: only a decoded frame is (media truth).
                    StateMachine.Step step = policy.machine().onResult(before, result.up(), result.cause(), now,
                            parents.offline(spec.parentGbId()), c.imageFault != null);
                    apply(c, step, now);
                    soft = step.soft();
                }
            }
        }
        settleOutage(c, now, c.failingSince == 0 ? now : Instant.ofEpochMilli(c.failingSince));
        reschedule(c, dueMillis, now, soft);
    }

    /**
     * A deep check finished: {@code mediaLost} when no frame decoded, else the primary image fault or null. A failed
     * check is soft until {@code failuresToOffline} in a row, a passed one clears after {@code successesToOnline}
     * (the liveness rules); the channel is then DEGRADED (image fault) or OFFLINE with cause NO_MEDIA while liveness
     * says up.
     */
    void onDeepResult(String gbId, boolean mediaLost, String imageFault, Instant now) {
        Channel c = channels.get(gbId);
        if (c == null) {
            return;
        }
        ClassPolicies.ClassPolicy policy = policy(c.spec);
        StateRules rules = policy.rules();
        boolean failed = mediaLost || imageFault != null;
        c.deepFailures = failed ? c.deepFailures + 1 : 0;
        c.deepSuccesses = failed ? 0 : c.deepSuccesses + 1;
        boolean hadFault = c.mediaLost || c.imageFault != null;
        if (failed && c.deepFailures >= rules.failuresToOffline()) {
            c.mediaLost = mediaLost;
            c.imageFault = mediaLost ? null : imageFault;
        } else if (!failed && (!hadFault || c.deepSuccesses >= rules.successesToOnline())) {
            c.mediaLost = false;
            c.imageFault = null;
        }
        boolean wasIntact = c.status().intact();
        c.imageOk = !failed;
        StateMachine.Step step = policy.machine().onPicture(c.state, c.mediaLost, c.imageFault != null, now);
        apply(c, step, now);
        if (!step.changed() && (c.status().intact() != wasIntact || !java.util.Objects.equals(imageFault, c.imageFault))) {
            writeStatus(c, null);
        }
        settleOutage(c, now, now);
    }

    /**
     * A decision of the state machine takes effect: the channel's new state, its status (with a row of the history for
     * a transition), and what its events announce (camera.flapping once per episode; outages follow the state in
     * {@link #settleOutage}).
     */
    private void apply(Channel c, StateMachine.Step step, Instant now) {
        c.state = step.next();
        if (step.changed()) {
            writeStatus(c, step.from());
        }
        if (step.raised(StateMachine.Event.FLAPPING_STARTED) && c.counted()) {
            writes.submit(new Write.Flapping(c.gbId, c.spec.pointClass(), now));
        }
    }

    /** Once a second: the prober guard's verdict and maintenance windows starting or ending. */
    void everySecond(Instant now) {
        ProberGuard.Change change = guard.evaluate(now);
        if (change != ProberGuard.Change.NONE) {
            guardListener.changed(change, now);
        }
        Set<Long> active = new HashSet<>();
        for (MaintenanceRule r : rules) {
            if (r.activeAt(now)) {
                active.add(r.id());
            }
        }
        if (!active.equals(activeRules)) {
            activeRules = active;
            applyMaintenance(now);
        }
    }

    /** New maintenance windows (created, changed, deleted): applied at once. */
    void setRules(List<MaintenanceRule> newRules, Instant now) {
        rules = List.copyOf(newRules);
        Set<Long> active = new HashSet<>();
        for (MaintenanceRule r : rules) {
            if (r.activeAt(now)) {
                active.add(r.id());
            }
        }
        activeRules = active;
        applyMaintenance(now);
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private void applyMaintenance(Instant now) {
        for (Channel c : channels.values()) {
            boolean inMaintenance = inMaintenance(c.spec);
            if (inMaintenance != c.inMaintenance) {
                c.inMaintenance = inMaintenance;
                writeStatus(c, null);
                settleOutage(c, now, now);
            }
        }
    }

    private boolean inMaintenance(ChannelSpec spec) {
        if (activeRules.isEmpty()) {
            return false;
        }
        for (MaintenanceRule r : rules) {
            if (activeRules.contains(r.id()) && r.covers(spec.gbId(), spec.areaPath(), spec.pointClass(), spec.maintainer())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens or closes the channel's outage to match its state (see the class comment). An outage has one kind, a loss
     * of stream (OFFLINE) or an image fault (DEGRADED): when a down channel changes kind, its outage closes and one of
     * the new kind opens, naming the cause it replaces. DEGRADED → OFFLINE closes the image outage without a recovery
     * and sends camera.offline; OFFLINE → DEGRADED closes the loss with camera.online (the stream plays again) and
     * sends camera.degraded.
     */
    private void settleOutage(Channel c, Instant now, Instant openedAt) {
        ChannelState st = c.state;
        boolean degraded = st.state() == LinkState.DEGRADED;
        boolean down = c.counted() && (st.state() == LinkState.OFFLINE || degraded) && !st.flapping();
        boolean clear = !c.counted() || st.state() == LinkState.ONLINE || st.state() == LinkState.UNREACHABLE;
        String replaced = null;
        if (c.outageOpen && down && c.outageDegraded != degraded && !c.awaitingFirstProbe) {
            replaced = c.outageCause;
            c.outageOpen = false;
            // An image fault that became a loss of stream is no recovery; a loss that came back with a faulty picture is.
            writes.submit(new Write.CloseOutage(c.gbId, now, !c.outageDegraded));
            openedAt = now;
        }
        if (!c.outageOpen && down && !c.awaitingFirstProbe) {
            c.outageOpen = true;
            c.outageDegraded = degraded;
            c.outageCause = degraded ? c.imageFault : st.cause() == null ? null : st.cause().name();
            writes.submit(new Write.OpenOutage(c.gbId, c.spec.areaPath(), c.spec.pointClass(), c.outageCause, degraded, openedAt, replaced));
            // One definition of down: a loss of stream is down for availability from the same first failed probe as its
            // outage, so outage durations, availability and MTTR agree.
            noteCategory(c, degraded ? now : openedAt);
            return;
        } else if (c.outageOpen && clear) {
            c.outageOpen = false;
            c.outageCause = null;
            writes.submit(new Write.CloseOutage(c.gbId, now));
        }
        noteCategory(c, now);
    }

    /** Writes the channel's availability category when it changed (the journal keeps its intervals). */
    private void noteCategory(Channel c, Instant now) {
        TimeCategory category = TimeCategory.of(c);
        if (category != c.category) {
            c.category = category;
            writes.submit(new Write.Category(c.gbId, category, now));
        }
    }

    /** A parent device went offline or came back: one outage for the device, under its own ID. */
    private void parentChange(Channel c, ParentTracker.Change change, ProbeCause cause, Instant now) {
        String parentGbId = c.spec.parentGbId();
        if (change == ParentTracker.Change.NONE || parentGbId == null) {
            return;
        }
        ParentTracker.Parent p = parents.parent(parentGbId);
        if (change == ParentTracker.Change.WENT_OFFLINE && !p.outageOpen && c.counted()) {
            p.outageOpen = true;
            writes.submit(new Write.OpenOutage(parentGbId, c.spec.areaPath(), c.spec.pointClass(), cause == null ? null : cause.name(), false, now));
        } else if (change == ParentTracker.Change.CAME_BACK && p.outageOpen) {
            p.outageOpen = false;
            writes.submit(new Write.CloseOutage(parentGbId, now));
        }
    }

    boolean parentOffline(String parentGbId) {
        return parents.offline(parentGbId);
    }

    private void writeStatus(Channel c, LinkState from) {
        writes.submit(new Write.Status(c.status(), c.imageFault, c.lastSeenAt(), c.last == null ? null : Instant.ofEpochMilli(c.last.atMillis()),
                c.last == null ? null : c.last.detail(), from));
    }

    private void reschedule(Channel c, long dueMillis, Instant now, boolean soft) {
        if (c.removed || !c.spec.probed()) {
            return;
        }
        schedule(c, policy(c.spec).timing().next(c.gbId, Instant.ofEpochMilli(dueMillis), now, soft).toEpochMilli());
    }

    private void schedule(Channel c, long dueMillis) {
        c.due = dueMillis;
        c.scheduled = true;
        dueQueue.add(c);
    }

    private ClassPolicies.ClassPolicy policy(ChannelSpec spec) {
        return policies.of(spec.pointClass());
    }
}
