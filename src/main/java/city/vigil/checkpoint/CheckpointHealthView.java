package city.vigil.checkpoint;

import city.vigil.status.LinkState;
import java.time.Instant;
import java.util.List;

/**
 * A checkpoint's health: state from its lanes' capture channels (some down: DEGRADED, all down: OFFLINE), whether
 * its pass records are still arriving (stale), and upload quality over the recent window.
 */
public record CheckpointHealthView(String gbId, LinkState state, int lanesDown, List<LaneState> lanes, boolean stale,
                                   Instant lastHeartbeatAt, Instant newestCaptureAt, Long lastPassCount, Quality quality) {

    public record LaneState(int laneNo, String captureCameraGbId, LinkState state) {
    }

    /** Over {@code hours}: sampled records, timely and clock-accurate ones, and their rates (null without records). */
    public record Quality(int hours, long heartbeats, long passes, long records, long timely, Double timelyRate, long clockAccurate,
                          Double clockAccuracyRate) {
    }
}
