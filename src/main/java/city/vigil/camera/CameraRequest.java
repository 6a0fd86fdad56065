package city.vigil.camera;

import java.time.LocalDate;
import java.util.List;

/**
 * The writable fields of a camera, as sent by clients and read from ledgers. State, timestamps, version and
 * completeness are derived and never written by clients.
 */
public record CameraRequest(String gbId, String name, Integer pointClass, Integer cameraType, Double lat, Double lon,
                            Integer directionCode, Double azimuthDeg, Double hFovDeg, Double viewDistanceM,
                            String address, String areaCode, String ownerUnit, String maintainerUnit, String contact,
                            Boolean networked, Lifecycle lifecycle, LocalDate installedOn, Integer recordDays,
                            String parentGbId, List<String> tags, Streams streams, List<String> sites) {

    /** The MAIN and SUB stream endpoints; either may be absent. */
    public record Streams(Stream main, Stream sub) {
    }

    /** One stream endpoint; the protocol is inferred from the URL when not given. */
    public record Stream(String url, StreamProtocol protocol) {
    }

    public CameraRequest withGbId(String id) {
        return new CameraRequest(id, name, pointClass, cameraType, lat, lon, directionCode, azimuthDeg, hFovDeg,
                viewDistanceM, address, areaCode, ownerUnit, maintainerUnit, contact, networked, lifecycle, installedOn,
                recordDays, parentGbId, tags, streams, sites);
    }

    public CameraRequest withAreaCode(String code) {
        return new CameraRequest(gbId, name, pointClass, cameraType, lat, lon, directionCode, azimuthDeg, hFovDeg,
                viewDistanceM, address, code, ownerUnit, maintainerUnit, contact, networked, lifecycle, installedOn,
                recordDays, parentGbId, tags, streams, sites);
    }
}
