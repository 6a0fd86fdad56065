package city.vigil.checkpoint;

import city.vigil.camera.Lifecycle;
import java.util.List;

/** The writable fields of a checkpoint. */
public record CheckpointRequest(String gbId, String name, Integer usage, Double lat, Double lon, String placeCode,
                                String address, String areaCode, Lifecycle lifecycle, List<LaneRequest> lanes) {

    public record LaneRequest(Integer laneNo, String direction, Integer cityPass, String captureCameraGbId,
                              Integer maxSpeedKmh) {
    }

    CheckpointRequest withGbId(String id) {
        return new CheckpointRequest(id, name, usage, lat, lon, placeCode, address, areaCode, lifecycle, lanes);
    }
}
