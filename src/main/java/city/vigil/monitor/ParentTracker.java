package city.vigil.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * Infers the state of parent devices (NVR, encoder, platform) from their channels: the registry knows parents only
 * by ID, and a parent is what fails when every channel behind it fails at once. A parent is OFFLINE when it has at
 * least two channels, all of them failing, and at least one failing hard. Its channels are then UNREACHABLE (no
 * outage of their own) and the parent gets one outage instead of one per channel. Counters only, so a platform with
 * thousands of channels costs the same as an NVR with four. Event-loop confined.
 */
final class ParentTracker {

    /** A change of a parent's state, for the monitor to open or close the parent's outage. */
    enum Change { NONE, WENT_OFFLINE, CAME_BACK }

    static final class Parent {
        final String gbId;
        int channels;
        int failing;
        int hard;
        boolean offline;
        boolean outageOpen;

        Parent(String gbId) {
            this.gbId = gbId;
        }
    }

    private final Map<String, Parent> parents = new HashMap<>();

    boolean offline(String parentGbId) {
        Parent p = parentGbId == null ? null : parents.get(parentGbId);
        return p != null && p.offline;
    }

    Parent parent(String gbId) {
        return parents.computeIfAbsent(gbId, Parent::new);
    }

    /** A channel starts counting for its parent. */
    void join(Channel c) {
        String parent = c.spec.parentGbId();
        if (parent != null) {
            parent(parent).channels++;
            c.countedFailing = false;
            c.countedHard = false;
        }
    }

    /** A channel stops counting for its parent (removed, re-parented, out of service). */
    Change leave(Channel c, String parentGbId) {
        Parent p = parentGbId == null ? null : parents.get(parentGbId);
        if (p == null) {
            return Change.NONE;
        }
        p.channels--;
        p.failing -= c.countedFailing ? 1 : 0;
        p.hard -= c.countedHard ? 1 : 0;
        c.countedFailing = false;
        c.countedHard = false;
        Change change = evaluate(p);
        if (p.channels == 0 && !p.outageOpen) {
            parents.remove(parentGbId);
        }
        return change;
    }

    /** Records a channel's newest result and tells whether its parent changed state. */
    Change record(Channel c, boolean failing, boolean hard) {
        String parent = c.spec.parentGbId();
        if (parent == null) {
            return Change.NONE;
        }
        Parent p = parent(parent);
        p.failing += (failing ? 1 : 0) - (c.countedFailing ? 1 : 0);
        p.hard += (hard ? 1 : 0) - (c.countedHard ? 1 : 0);
        c.countedFailing = failing;
        c.countedHard = hard;
        Change change = evaluate(p);
        if (change == Change.NONE && !failing && !p.offline && p.outageOpen) {
            // An outage restored from before a restart: a channel answering again proves the device is back.
            return Change.CAME_BACK;
        }
        return change;
    }

    private static Change evaluate(Parent p) {
        boolean offline = p.channels >= 2 && p.failing == p.channels && p.hard >= 1;
        if (offline == p.offline) {
            return Change.NONE;
        }
        p.offline = offline;
        return offline ? Change.WENT_OFFLINE : Change.CAME_BACK;
    }
}
