package city.vigil.status;

/** A channel's state (DESIGN §1). DEGRADED (media up, picture faulty) comes from the deep tier. */
public enum LinkState {
    UNKNOWN, ONLINE, DEGRADED, OFFLINE, UNREACHABLE;

    /** Whether the channel counts as online in the online rate. */
    public boolean online() {
        return this == ONLINE || this == DEGRADED;
    }
}
