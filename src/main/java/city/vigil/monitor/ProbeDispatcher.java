package city.vigil.monitor;

import io.vertx.core.Future;
import city.vigil.probe.HostSessions;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Starts due probes within bounds: at most {@code maxInFlight} at once overall and, per device host, no more than
 * the {@link HostSessions} it shares with the deep tier allow, so Vigil never overloads a camera or an NVR. Probes
 * over a bound wait in a bounded queue; when the queue is full the probe is dropped and counted (a visible bound,
 * never a silent one). Not thread-safe: use it from one event loop.
 */
public final class ProbeDispatcher {

    /** A probe waiting for a slot. */
    private record Waiting(String host, Supplier<Future<?>> start) {
    }

    private final int maxInFlight;
    private final HostSessions sessions;
    private final int maxQueued;
    private final Queue<Waiting> queue = new ArrayDeque<>();
    private int inFlight;
    private long dropped;

    public ProbeDispatcher(int maxInFlight, HostSessions sessions, int maxQueued) {
        this.maxInFlight = maxInFlight;
        this.sessions = sessions;
        this.maxQueued = maxQueued;
    }

    /** Starts the probe now if the bounds allow, else queues it; false when it had to be dropped. */
    public boolean submit(String host, Supplier<Future<?>> start) {
        if (tryStart(host)) {
            launch(host, start);
            return true;
        }
        if (queue.size() >= maxQueued) {
            dropped++;
            return false;
        }
        queue.add(new Waiting(host, start));
        return true;
    }

    public int inFlight() {
        return inFlight;
    }

    public int queued() {
        return queue.size();
    }

    public long dropped() {
        return dropped;
    }

    /** Takes a host session when the global bound allows one more probe. */
    private boolean tryStart(String host) {
        return inFlight < maxInFlight && sessions.tryAcquire(host);
    }

    /** Starts a probe whose host session is taken. */
    private void launch(String host, Supplier<Future<?>> start) {
        inFlight++;
        Future<?> probe;
        try {
            probe = start.get();
        } catch (RuntimeException e) {
            probe = Future.failedFuture(e);
        }
        probe.onComplete(done -> finished(host));
    }

    private void finished(String host) {
        inFlight--;
        sessions.release(host);
        drain();
    }

    /**
     * Starts queued probes, oldest first, that the bounds now allow; probes for a busy host wait their turn. Runs after
     * every probe and once a second (a deep grab may have given a host's session back meanwhile).
     */
    public void drain() {
        int rounds = queue.size();
        for (int i = 0; i < rounds && inFlight < maxInFlight; i++) {
            Waiting w = queue.poll();
            if (w == null) {
                // A probe that completed at once drained the queue from inside launch().
                return;
            }
            if (tryStart(w.host())) {
                launch(w.host(), w.start());
            } else {
                queue.add(w);
            }
        }
    }
}
