package city.vigil.sim;

/**
 * The frames a simulated camera sends to one client, tick by tick at 25 fps, following the camera's scenario as it
 * changes: a new picture starts at its next keyframe (the decoder never mixes two clips' references), and the feed
 * ends the way the scenario says (drop, reset, close). Shared by the RTSP and HTTP sessions.
 */
final class LiveFeed {
    /** Every camera of a clip shows the same frame at the same moment, like a broadcast. */
    private static final long EPOCH_NANOS = System.nanoTime();
    static final long FRAME_NANOS = 1_000_000_000L / Clip.FPS;

    /** What to do at this tick. */
    enum Step { SEND, WAIT, CLOSE, RESET }

    private final SimFleet fleet;
    private final ClipLibrary clips;
    private final String cameraId;
    private final Resolution resolution;
    private final long startedMillis = System.currentTimeMillis();
    private long frame;
    private Picture showing;
    private Clip.AccessUnit unit;

    LiveFeed(SimFleet fleet, ClipLibrary clips, String cameraId, Resolution resolution, long firstFrame) {
        this.fleet = fleet;
        this.clips = clips;
        this.cameraId = cameraId;
        this.resolution = resolution;
        this.frame = firstFrame;
    }

    /** Cameras have been running long before the simulator started: an hour of frames, so HLS windows are full. */
    private static final long RUNNING_SINCE_FRAMES = 3600L * Clip.FPS;

    /** The frame index every camera is showing now. */
    static long liveFrame() {
        return RUNNING_SINCE_FRAMES + (System.nanoTime() - EPOCH_NANOS) / FRAME_NANOS;
    }

    /** The most recent keyframe at or before the live position (where a GOP-caching server starts a client). */
    static long lastKeyframe() {
        long live = liveFrame();
        return live - Math.floorMod(live, (long) Clip.GOP);
    }

    /** Advances one frame; on SEND, {@link #unit()} and {@link #frameIndex()} describe the frame to send. */
    Step next() {
        SimCamera cam = fleet.get(cameraId).orElse(null);
        long now = System.currentTimeMillis();
        if (cam == null || cam.scenario() == Scenario.NOT_FOUND) {
            return Step.CLOSE;
        }
        if (cam.scenario() == Scenario.REFUSED || cam.flappedDown(now)) {
            return Step.RESET;
        }
        if (cam.scenario() == Scenario.DROP_AFTER && now - Math.max(startedMillis, cam.since()) >= cam.dropAfter().toMillis()) {
            return Step.CLOSE;
        }
        long index = frame++;
        Picture wanted = cam.scenario().picture;
        if (wanted == null || cam.scenario() == Scenario.NO_VIDEO || cam.scenario() == Scenario.HANG) {
            return Step.WAIT;
        }
        // A clip still being encoded is not waited for here (this runs on a server loop): the picture shown goes on.
        Clip wantedClip = clips.ifReady(wanted, resolution);
        Clip.AccessUnit next = wantedClip == null ? null : wantedClip.frame(index);
        if (showing != wanted || next == null) {
            if (next != null && next.keyframe()) {
                showing = wanted;
            } else if (showing == null) {
                return Step.WAIT;
            } else {
                next = clips.ifReady(showing, resolution).frame(index);
            }
        }
        unit = cam.scenario() == Scenario.CORRUPT ? next.garbled(index) : next;
        return Step.SEND;
    }

    Clip.AccessUnit unit() {
        return unit;
    }

    /** Index of the frame {@link #next()} last returned: timestamps derive from it. */
    long frameIndex() {
        return frame - 1;
    }

    /** The clip of the frame last sent (after a SEND: it is in memory). */
    Clip clip() {
        return clips.ifReady(showing, resolution);
    }
}
