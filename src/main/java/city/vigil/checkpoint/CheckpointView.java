package city.vigil.checkpoint;

import city.vigil.camera.Lifecycle;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** A checkpoint as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointView(String gbId, String name, int usage, Double lat, Double lon, String placeCode,
                             String address, String areaCode, Lifecycle lifecycle, List<LaneView> lanes, long version,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, List<String> warnings) {

    public record LaneView(int laneNo, String direction, Integer cityPass, String captureCameraGbId, Integer maxSpeedKmh) {
    }

    static CheckpointView of(Checkpoint c, List<String> warnings) {
        return new CheckpointView(c.gbId, c.name, c.usage, c.lat, c.lon, c.placeCode, c.address, c.areaCode, c.lifecycle,
                c.lanes.stream().map(l -> new LaneView(l.laneNo, l.direction, l.cityPass, l.captureCameraGbId, l.maxSpeedKmh)).toList(),
                c.version, c.createdAt, c.updatedAt, warnings == null || warnings.isEmpty() ? null : warnings);
    }
}
