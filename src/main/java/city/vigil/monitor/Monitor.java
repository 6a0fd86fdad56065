package city.vigil.monitor;

import city.vigil.probe.ProbeResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The probing loop: one Vert.x event-loop context owns the {@link ChannelBook}. Every few milliseconds it takes the
 * due channels, hands their probes to the {@link ProbeDispatcher} (global and per-host bounds) and feeds results back
 * to the book, all on that one thread: no locks, no blocking. Everything else reaches the book through
 * {@link #run}.
 */
final class Monitor implements AutoCloseable {
    private static final long TICK_MS = 20;

    private final Vertx vertx;
    private final Context context;
    private final ChannelBook book;
    private final ChannelProber prober;
    private final ProbeDispatcher dispatcher;
    private final MonitorMetrics metrics;
    private final Clock clock;
    private final WriteQueue writes;
    /** Work that arrived while the writer was backed up, in arrival order (event loop only). */
    private final java.util.ArrayDeque<Consumer<Instant>> held = new java.util.ArrayDeque<>();
    private long tickTimer = -1;
    private long secondTimer = -1;

    /** {@code writes}: where the book's decisions go; while it is backed up (PostgreSQL away) probing pauses. */
    Monitor(Vertx vertx, ChannelBook book, ChannelProber prober, ProbeDispatcher dispatcher, MonitorMetrics metrics, Clock clock,
            WriteQueue writes) {
        this.writes = writes;
        this.vertx = vertx;
        // A context of its own: the monitor's work is serialised on one event loop, apart from request handling.
        this.context = ((VertxInternal) vertx).createEventLoopContext();
        this.book = book;
        this.prober = prober;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start() {
        context.runOnContext(v -> {
            tickTimer = vertx.setPeriodic(TICK_MS, id -> tick());
            secondTimer = vertx.setPeriodic(1_000, id -> {
                book.everySecond(clock.instant());
                dispatcher.drain();
            });
        });
    }

    /**
     * Runs {@code work} on the monitor's event loop, with the current time. While the writer is backed up the work is
     * held, in order, and runs once the backlog drains: no decision is made that could not be written, so the writer's
     * queue stays bounded by its limit plus the probes already in flight.
     */
    void run(Consumer<Instant> work) {
        context.runOnContext(v -> {
            if (!held.isEmpty() || writes.backedUp()) {
                held.add(work);
            } else {
                work.accept(clock.instant());
            }
        });
    }

    /** Runs {@code work} on the event loop and waits for it (start-up, registry comparison, tests). */
    void runAndWait(Consumer<Instant> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        run(now -> {
            try {
                work.accept(now);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.join();
    }

    ProbeDispatcher dispatcher() {
        return dispatcher;
    }

    private void tick() {
        if (writes.backedUp()) {
            // Nothing decided now could be written: the channels keep their state and are probed when the backlog clears.
            return;
        }
        while (!held.isEmpty()) {
            held.poll().accept(clock.instant());
        }
        long now = clock.millis();
        List<Channel> due = book.takeDue(now);
        for (Channel c : due) {
            ChannelSpec spec = c.spec;
            long dueAt = c.due;
            c.inFlight = true;
            boolean accepted = dispatcher.submit(ChannelProber.host(spec), () -> {
                long started = clock.millis();
                metrics.lag(started - dueAt);
                Future<ProbeResult> probe = prober.probe(spec);
                probe.onComplete(ar -> finished(c, spec, dueAt, ar.succeeded() ? ar.result() : null, ar.cause()));
                return probe;
            });
            if (!accepted) {
                book.skipped(c, dueAt, clock.instant());
            }
        }
    }

    private void finished(Channel c, ChannelSpec spec, long dueAt, ProbeResult result, Throwable failure) {
        if (Vertx.currentContext() != context) {
            context.runOnContext(v -> finished(c, spec, dueAt, result, failure));
            return;
        }
        ProbeResult r = result != null ? result
                : ProbeResult.down(city.vigil.probe.ProbeCause.BAD_RESPONSE, java.time.Duration.ZERO, "probe failed: " + failure);
        metrics.probe(spec.protocol() == null ? "TCP" : spec.protocol().name(), r);
        book.onResult(c, spec, r, dueAt, clock.instant());
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            vertx.cancelTimer(tickTimer);
            vertx.cancelTimer(secondTimer);
            done.complete(null);
        });
        done.join();
    }
}
