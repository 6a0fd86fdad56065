package city.vigil.checkpoint;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the checkpoint platform reports every minute or so: per lane, the pass records since the last heartbeat and
 * the newest capture time; optionally a sample of records with capture (device clock) and receive (platform clock)
 * times, from which upload timeliness and clock accuracy are measured.
 */
public record HeartbeatRequest(List<LaneCount> lanes, List<Record> records) {

    public record LaneCount(Integer laneNo, Long passCount, OffsetDateTime newestCaptureAt) {
    }

    public record Record(Integer laneNo, OffsetDateTime capturedAt, OffsetDateTime receivedAt) {
    }
}
