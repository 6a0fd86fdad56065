package city.vigil.monitor;

/**
 * Where {@link ChannelBook} hands its decisions: the {@link StatusWriter}, which applies them to the status store and
 * journals them in PostgreSQL (outages, events, history) off the event loop.
 */
interface WriteQueue {

    void submit(Write write);

    /** As many decisions wait as may (PostgreSQL away): the monitor holds new work until the backlog drains. */
    default boolean backedUp() {
        return false;
    }
}
