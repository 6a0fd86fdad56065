package city.vigil.sim;

import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.net.ServerSocket;
import org.jboss.logging.Logger;

/**
 * The camera fleet simulator: real RTSP streams for every simulated camera on one loopback port, each camera
 * behaving as its scenario says. Started by tests and the demo; {@link #close()} stops it.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Simulator.class);
    private static final int MAX_REQUEST = 16 * 1024;

    private final SimConfig config;
    private final SimFleet fleet = new SimFleet();
    private final SimStats stats = new SimStats();
    private final ClipLibrary clips;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final Listener rtsp;
    private final Listener http;
    private final Listener control;
    private final java.util.Set<java.util.concurrent.ScheduledFuture<?>> scheduled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int closedPort;

    private Simulator(SimConfig config) throws InterruptedException, IOException {
        this.config = config;
        this.clips = new ClipLibrary(config.clipCache());
        this.rtsp = new Listener(config, config.rtspPort(), boss, workers, ch -> ch.pipeline()
                .addLast(RtspConnection.RTP_OUT, new ChannelOutboundHandlerAdapter())
                .addLast(new InterleavedFilter())
                .addLast(new RtspDecoder(4096, 8192, MAX_REQUEST))
                .addLast(new RtspEncoder())
                .addLast(new HttpObjectAggregator(MAX_REQUEST))
                .addLast(new RtspConnection(fleet, clips, stats)));
        this.http = new Listener(config, config.httpPort(), boss, workers, ch -> ch.pipeline()
                .addLast(new HttpServerCodec(4096, 8192, 8192))
                .addLast(new HttpObjectAggregator(MAX_REQUEST))
                .addLast(new HttpStreamConnection(fleet, clips, stats)));
        this.control = new Listener(config, config.controlPort(), boss, workers, ch -> ch.pipeline()
                .addLast(new HttpServerCodec(4096, 8192, 8192))
                .addLast(new HttpObjectAggregator(1024 * 1024))
                .addLast(new ControlConnection(this)));
        // A port that was free a moment ago and that nothing here listens on: the URL of REFUSED cameras.
        try (ServerSocket probe = new ServerSocket(0, 1, config.address())) {
            this.closedPort = probe.getLocalPort();
        }
        LOG.infof("Camera simulator on %s: RTSP port %d, HTTP streams port %d, control API http://%s:%d/sim/cameras",
                config.bindAddress(), rtsp.port(), http.port(), config.bindAddress(), control.port());
    }

    public static Simulator start(SimConfig config) {
        try {
            return new Simulator(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the simulator", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the simulator", e);
        }
    }

    public SimFleet fleet() {
        return fleet;
    }

    public SimStats stats() {
        return stats;
    }

    public int rtspPort() {
        return rtsp.port();
    }

    public int httpPort() {
        return http.port();
    }

    public int controlPort() {
        return control.port();
    }

    /** Runs a scenario change later; {@link #cancelScheduled()} drops the ones not yet run. */
    void schedule(Runnable change, java.time.Duration at) {
        java.util.concurrent.ScheduledFuture<?>[] self = new java.util.concurrent.ScheduledFuture<?>[1];
        self[0] = workers.next().schedule(() -> {
            scheduled.remove(self[0]);
            change.run();
        }, at.toMillis(), TimeUnit.MILLISECONDS);
        scheduled.add(self[0]);
    }

    /** Scenario changes scheduled and not yet run. */
    public int pendingChanges() {
        return scheduled.size();
    }

    void cancelScheduled() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
    }

    /** The HTTP URL of a camera's stream: live {@code ts} or {@code flv}, or {@code m3u8} for its HLS playlist. */
    public String httpUrl(String cameraId, Resolution resolution, String kind) {
        String stream = resolution.name().toLowerCase();
        String path = kind.equals("m3u8") ? stream + "/index.m3u8" : stream + "." + kind;
        SimCamera camera = fleet.get(cameraId).orElse(null);
        int port = camera != null && camera.scenario() == Scenario.REFUSED ? closedPort : http.port();
        return "http://" + config.bindAddress() + ":" + port + "/cam/" + cameraId + "/" + path;
    }

    /** Encodes the sub-stream clips of these pictures now rather than on the first client's request. */
    public void prepare(Picture... pictures) {
        prepare(Resolution.SUB, pictures);
    }

    /** Encodes these pictures' clips at this resolution now rather than on the first client's request. */
    public void prepare(Resolution resolution, Picture... pictures) {
        for (Picture p : pictures) {
            clips.clip(p, resolution);
        }
    }

    /** The RTSP URL of a camera's stream; REFUSED cameras point at a closed port. */
    public String rtspUrl(String cameraId, Resolution resolution) {
        SimCamera camera = fleet.get(cameraId).orElse(null);
        int port = camera != null && camera.scenario() == Scenario.REFUSED ? closedPort : rtsp.port();
        return "rtsp://" + config.bindAddress() + ":" + port + "/cam/" + cameraId + "/" + resolution.name().toLowerCase();
    }

    @Override
    public void close() {
        cancelScheduled();
        rtsp.close();
        http.close();
        control.close();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        clips.close();
    }
}
