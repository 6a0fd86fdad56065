package city.vigil.camera;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated camera ready to store: every column, credentials already encrypted, derived values (azimuth, area
 * path, missing fields) filled in. Built by {@link CameraRecords}; written by the service or the bulk import.
 */
public record CameraRecord(String gbId, String name, int pointClass, Integer cameraType, Double lat, Double lon,
                           Integer directionCode, Double azimuthDeg, Double hFovDeg, Double viewDistanceM,
                           String address, String areaCode, String areaPath, String ownerUnit, String maintainerUnit,
                           String contact, boolean networked, Lifecycle lifecycle, LocalDate installedOn,
                           Integer recordDays, String parentGbId, List<String> tags, String mainUrl,
                           StreamProtocol mainProtocol, byte[] mainCredentials, String subUrl,
                           StreamProtocol subProtocol, byte[] subCredentials, List<String> missingFields, List<String> warnings) {

    void applyTo(Camera c) {
        c.gbId = gbId;
        c.name = name;
        c.pointClass = pointClass;
        c.cameraType = cameraType;
        c.lat = lat;
        c.lon = lon;
        c.directionCode = directionCode;
        c.azimuthDeg = azimuthDeg;
        c.hFovDeg = hFovDeg;
        c.viewDistanceM = viewDistanceM;
        c.address = address;
        c.areaCode = areaCode;
        c.areaPath = areaPath;
        c.ownerUnit = ownerUnit;
        c.maintainerUnit = maintainerUnit;
        c.contact = contact;
        c.networked = networked;
        c.lifecycle = lifecycle;
        c.installedOn = installedOn;
        c.recordDays = recordDays;
        c.parentGbId = parentGbId;
        c.tags = new java.util.ArrayList<>(tags);
        c.mainUrl = mainUrl;
        c.mainProtocol = mainProtocol;
        c.subUrl = subUrl;
        c.subProtocol = subProtocol;
        // Credentials are set separately; a URL without them keeps what is stored.
        if (mainCredentials != null) {
            c.mainCredentials = mainCredentials;
        }
        if (subCredentials != null) {
            c.subCredentials = subCredentials;
        }
        c.missingFields = new java.util.ArrayList<>(missingFields);
        c.warnings = new java.util.ArrayList<>(warnings);
    }
}
