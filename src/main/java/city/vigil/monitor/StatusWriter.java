package city.vigil.monitor;

import city.vigil.status.ChannelStatus;
import city.vigil.status.StatusStore;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The one thread that does the monitor's blocking I/O, so the event loop never waits on PostgreSQL or Redis. It takes
 * writes in batches: statuses go to the status store at once, then the batch is journalled in one PostgreSQL
 * transaction, retried with backoff until it lands (writes are idempotent, so a retry is harmless), in the order they
 * were decided. Every few seconds it checks that the status store still holds its state and rebuilds it from the
 * monitor when it does not.
 *
 * <p>While PostgreSQL is away the writes wait, bounded: at {@code maxPending} the monitor stops probing
 * ({@link #backedUp}) until the backlog is below half, so no decision is dropped; both moments are logged and the
 * backlog is a metric. At shutdown the writer tries for a few seconds more, then leaves what is still unwritten in
 * {@link PendingWrites} for the next start to apply first.
 */
final class StatusWriter implements WriteQueue, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StatusWriter.class);
    private static final int BATCH = 5_000;

    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final int maxPending;
    private final PendingWrites leftovers;
    private volatile boolean backedUp;
    /** The batch being written (kept for the shutdown journal when it cannot land). */
    private volatile List<Write> inFlight = List.of();
    private final StatusStore store;
    private final StatusJournal journal;
    private volatile Snapshot snapshot;
    private final Event<StateChanged> stateChanged;
    private final long checkEveryMillis;
    private final Thread thread;
    private final AtomicLong rebuilds = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean idle = true;
    private boolean storeFailed;

    /** Every channel's status as the monitor holds it: what a lost store is rebuilt from. */
    interface Snapshot {
        Collection<ChannelStatus> statuses();
    }

    /**
     * {@code stateChanged}: told of every state transition once it is journalled (the deep tier checks a channel that
     * came back, coverage moves its sites).
     */
    StatusWriter(StatusStore store, StatusJournal journal, long checkEveryMillis, Event<StateChanged> stateChanged,
                 int maxPending, PendingWrites leftovers) {
        this.maxPending = maxPending;
        this.leftovers = leftovers;
        this.stateChanged = stateChanged;
        this.store = store;
        this.journal = journal;
        this.checkEveryMillis = checkEveryMillis;
        this.thread = new Thread(this::run, "vigil-status-writer");
        this.thread.setDaemon(true);
    }

    /** Fills the status store from {@code snapshot} (the monitor's restored state), then starts writing. */
    void start(Snapshot snapshot) {
        this.snapshot = snapshot;
        store.replaceAll(snapshot.statuses());
        thread.start();
    }

    @Override
    public void submit(Write write) {
        queue.add(write);
        if (!backedUp && queue.size() >= maxPending) {
            backedUp = true;
            LOG.errorf("%d monitor decisions wait for PostgreSQL: probing pauses until they are written (nothing is dropped)", queue.size());
        }
    }

    /** As many writes wait as may: the monitor pauses probing until the backlog is below half. */
    @Override
    public boolean backedUp() {
        if (backedUp && queue.size() < maxPending / 2) {
            backedUp = false;
            LOG.infof("Monitor writes caught up (%d waiting): probing resumes", queue.size());
        }
        return backedUp;
    }

    int pending() {
        return queue.size() + (idle ? 0 : 1);
    }

    long rebuilds() {
        return rebuilds.get();
    }

    private void run() {
        long nextCheck = System.currentTimeMillis() + checkEveryMillis;
        List<Write> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Write first = queue.poll(Math.max(1, Math.min(500, nextCheck - System.currentTimeMillis())), TimeUnit.MILLISECONDS);
                if (first != null) {
                    idle = false;
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    inFlight = batch;
                    apply(batch);
                    announce(batch);
                    inFlight = List.of();
                    batch.clear();
                    idle = queue.isEmpty();
                }
                if (System.currentTimeMillis() >= nextCheck) {
                    nextCheck = System.currentTimeMillis() + checkEveryMillis;
                    checkStore();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void apply(List<Write> batch) throws InterruptedException {
        List<StatusStore.Change> changes = new ArrayList<>(batch.size());
        for (Write w : batch) {
            if (w instanceof Write.Status s) {
                changes.add(StatusStore.Change.put(s.status()));
            } else if (w instanceof Write.Removed r) {
                changes.add(StatusStore.Change.removal(r.gbId()));
            }
        }
        try {
            store.apply(changes);
        } catch (RuntimeException e) {
            // The store is rebuildable: note the loss and rebuild on the next check rather than stall the journal.
            if (!storeFailed) {
                LOG.warnf("Status store write failed (%s); it will be rebuilt", e.getMessage());
            }
            storeFailed = true;
        }
        long backoff = 200;
        while (true) {
            try {
                journal.write(batch);
                return;
            } catch (Exception e) {
                if (!running && System.nanoTime() > giveUpAt) {
                    throw new InterruptedException("stopping with PostgreSQL away");
                }
                LOG.warnf("Journalling %d monitor writes failed (%d more waiting), retrying in %d ms: %s", batch.size(), queue.size(), backoff,
                        e.getMessage());
                Thread.sleep(running ? backoff : Math.min(backoff, 500));
                backoff = Math.min(running ? 30_000 : 500, backoff * 2);
            }
        }
    }

    /** Tells the state changes of a journalled batch to whoever listens (deep checks on recovery, alerts). */
    private void announce(List<Write> batch) {
        for (Write w : batch) {
            if (w instanceof Write.Status s && s.from() != null) {
                try {
                    stateChanged.fire(new StateChanged(s.status().gbId(), s.status().pointClass(), s.from(), s.status().state()));
                } catch (RuntimeException e) {
                    LOG.warnf("A state-change listener failed: %s", e.getMessage());
                }
            }
        }
    }

    private void checkStore() {
        try {
            if (storeFailed || !store.intact()) {
                long started = System.nanoTime();
                Collection<ChannelStatus> all = snapshot.statuses();
                store.replaceAll(all);
                storeFailed = false;
                rebuilds.incrementAndGet();
                LOG.infof("Status store rebuilt: %d channels in %d ms", all.size(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            storeFailed = true;
            LOG.warnf("Status store unavailable, rebuild pending: %s", e.getMessage());
        }
    }

    /** When a stopping writer stops retrying (nanoTime). */
    private volatile long giveUpAt = Long.MAX_VALUE;

    /**
     * Stops the writer: what is waiting is written within {@code flushWithin}; what cannot be (PostgreSQL away) goes
     * to {@link PendingWrites}, in order, for the next start. Nothing is dropped unsaid.
     */
    void close(java.time.Duration flushWithin) {
        giveUpAt = System.nanoTime() + flushWithin.toNanos();
        running = false;
        try {
            thread.join(flushWithin.toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Write> unwritten = new ArrayList<>(inFlight);
        queue.drainTo(unwritten);
        if (!unwritten.isEmpty()) {
            leftovers.save(unwritten);
        }
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(5));
    }
}
