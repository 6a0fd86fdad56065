package city.vigil.probe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Duration;

/**
 * The last-resort probe for endpoints whose protocol Vigil does not speak: something accepts TCP connections on the
 * stream's port. It proves the device is reachable, not that video flows.
 */
public final class TcpProbe {
    private final NetClient client;

    public TcpProbe(Vertx vertx, ProbeTimeouts timeouts) {
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) timeouts.connect().toMillis()));
    }

    public Future<ProbeResult> probe(ProbeTarget target, int defaultPort) {
        long started = System.nanoTime();
        return client.connect(target.port(defaultPort), target.host()).transform(ar -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (ar.failed()) {
                return Future.succeededFuture(ProbeResult.down(Failures.classify(ar.cause()), elapsed, Failures.describe(ar.cause())));
            }
            ar.result().close();
            return Future.succeededFuture(ProbeResult.up(elapsed));
        });
    }
}
