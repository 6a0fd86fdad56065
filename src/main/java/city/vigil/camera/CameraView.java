package city.vigil.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A camera as clients see it. Stream URLs carry no credentials; {@code hasCredentials} says whether some are stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraView(String gbId, String name, int pointClass, Integer cameraType, Double lat, Double lon,
                         Integer directionCode, Double azimuthDeg, Double hFovDeg, Double viewDistanceM, String address,
                         String areaCode, String ownerUnit, String maintainerUnit, String contact, boolean networked,
                         Lifecycle lifecycle, LocalDate installedOn, Integer recordDays, String parentGbId,
                         List<String> tags, Streams streams, List<String> sites, Completeness completeness, long version,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, List<String> warnings) {

    public record Streams(Stream main, Stream sub) {
    }

    public record Stream(String url, StreamProtocol protocol, boolean hasCredentials) {
    }

    /** Which mandatory fields for its class the record lacks (信息完整率). */
    public record Completeness(boolean complete, List<String> missing) {
    }

    public static CameraView of(Camera c, List<String> sites, List<String> warnings) {
        Stream main = c.mainUrl == null ? null : new Stream(c.mainUrl, c.mainProtocol, c.mainCredentials != null);
        Stream sub = c.subUrl == null ? null : new Stream(c.subUrl, c.subProtocol, c.subCredentials != null);
        return new CameraView(c.gbId, c.name, c.pointClass, c.cameraType, c.lat, c.lon, c.directionCode, c.azimuthDeg,
                c.hFovDeg, c.viewDistanceM, c.address, c.areaCode, c.ownerUnit, c.maintainerUnit, c.contact, c.networked,
                c.lifecycle, c.installedOn, c.recordDays, c.parentGbId, List.copyOf(c.tags), new Streams(main, sub),
                sites, new Completeness(c.missingFields.isEmpty(), List.copyOf(c.missingFields)), c.version,
                c.createdAt, c.updatedAt, warnings != null && !warnings.isEmpty() ? warnings : c.warnings == null || c.warnings.isEmpty() ? null : List.copyOf(c.warnings));
    }
}
