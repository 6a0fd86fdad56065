package city.vigil.sim;

import java.io.IOException;
import java.net.ServerSocket;
import org.jboss.logging.Logger;

/**
 * The camera fleet simulator: real RTSP streams for every simulated camera on one loopback port, each camera
 * behaving as its scenario says. Started by tests and the demo; {@link #close()} stops it.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Simulator.class);

    private final SimConfig config;
    private final SimFleet fleet = new SimFleet();
    private final ClipLibrary clips;
    private final RtspServer rtsp;
    private final int closedPort;

    private Simulator(SimConfig config) throws InterruptedException, IOException {
        this.config = config;
        this.clips = new ClipLibrary(config.clipCache());
        this.rtsp = new RtspServer(config, fleet, clips);
        // A port that was free a moment ago and that nothing here listens on: the URL of REFUSED cameras.
        try (ServerSocket probe = new ServerSocket(0, 1, config.address())) {
            this.closedPort = probe.getLocalPort();
        }
        LOG.infof("Camera simulator: RTSP on %s:%d", config.bindAddress(), rtsp.port());
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

    public int rtspPort() {
        return rtsp.port();
    }

    /** Encodes the clips of these pictures now rather than on the first client's request. */
    public void prepare(Picture... pictures) {
        for (Picture p : pictures) {
            clips.clip(p, Resolution.SUB);
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
        rtsp.close();
    }
}
