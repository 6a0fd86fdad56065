package city.vigil.camera;

import city.vigil.gbid.DeviceKind;
import city.vigil.gbid.GbId;
import city.vigil.platform.Checks;
import city.vigil.platform.CredentialCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The camera rules in one place: validates a request (every error at once) and turns it into a {@link CameraRecord}.
 * The REST API and the bulk import both go through here, so a ledger row and an API call are judged alike.
 */
@ApplicationScoped
public class CameraRecords {
    static final int MAX_TAGS = 32;

    private final CredentialCipher cipher;

    public CameraRecords(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** A record with the warnings it raised, or null with the errors in {@code checks}. */
    public record Built(CameraRecord record, List<String> warnings) {
    }

    /**
     * Validates and builds. {@code areaPaths} resolves an area code to its path (null when unknown to the caller).
     */
    public Built build(CameraRequest r, Function<String, String> areaPaths, Checks checks) {
        GbId gbId = null;
        String idProblem = GbId.problem(r.gbId()).orElse(null);
        if (idProblem != null) {
            checks.fail("gbId", idProblem);
        } else {
            gbId = new GbId(r.gbId());
            if (!gbId.isA(DeviceKind.CAMERA)) {
                checks.fail("gbId", "type code " + gbId.typeCode() + gbId.typeName().map(n -> " (" + n + ")").orElse("")
                        + " is not a camera; cameras use " + DeviceKind.CAMERA.describeAllowed());
            }
        }
        if (checks.required("name", r.name())) {
            checks.maxLength("name", r.name().trim(), 128);
        }
        if (checks.required("pointClass", r.pointClass())) {
            checks.oneOf("pointClass", r.pointClass(), 1, 2, 3, 4, 9);
        }
        checks.oneOf("cameraType", r.cameraType(), 1, 2, 3, 4, 5, 6, 7, 99);
        if ((r.lat() == null) != (r.lon() == null)) {
            checks.fail(r.lat() == null ? "lat" : "lon", "lat and lon go together: give both or neither");
        }
        checks.range("lat", r.lat(), -90, 90);
        checks.range("lon", r.lon(), -180, 180);
        checks.oneOf("directionCode", r.directionCode(), 1, 2, 3, 4, 5, 6, 7, 8, 9);
        if (r.azimuthDeg() != null && !(r.azimuthDeg() >= 0 && r.azimuthDeg() < 360)) {
            checks.fail("azimuthDeg", "must be at least 0 and below 360");
        }
        if (r.hFovDeg() != null && !(r.hFovDeg() > 0 && r.hFovDeg() <= 360)) {
            checks.fail("hFovDeg", "must be above 0 and at most 360");
        }
        if (r.viewDistanceM() != null && !(r.viewDistanceM() > 0 && r.viewDistanceM() <= 10_000)) {
            checks.fail("viewDistanceM", "must be above 0 and at most 10000");
        }
        checks.maxLength("address", r.address(), 256);
        checks.maxLength("ownerUnit", r.ownerUnit(), 128);
        checks.maxLength("maintainerUnit", r.maintainerUnit(), 128);
        checks.maxLength("contact", r.contact(), 64);
        if (r.installedOn() != null && (r.installedOn().isBefore(LocalDate.of(1970, 1, 1))
                || r.installedOn().isAfter(LocalDate.now().plusDays(1)))) {
            checks.fail("installedOn", "must be between 1970-01-01 and today");
        }
        checks.range("recordDays", r.recordDays(), 0, 3650);
        if (r.parentGbId() != null && !r.parentGbId().isBlank()) {
            String parentProblem = GbId.problem(r.parentGbId()).orElse(null);
            if (parentProblem != null) {
                checks.fail("parentGbId", parentProblem);
            } else if (!new GbId(r.parentGbId()).isA(DeviceKind.PARENT_DEVICE)) {
                checks.fail("parentGbId", "type code " + new GbId(r.parentGbId()).typeCode()
                        + " is not an NVR, DVR, encoder or platform (" + DeviceKind.PARENT_DEVICE.describeAllowed() + ")");
            }
        }
        List<String> tags = tags(r.tags(), checks);
        String areaPath = null;
        if (checks.required("areaCode", r.areaCode())) {
            areaPath = areaPaths.apply(r.areaCode().trim());
            if (areaPath == null) {
                checks.fail("areaCode", "area '" + r.areaCode().trim() + "' does not exist");
            }
        }
        CameraRequest.Streams streams = r.streams();
        StreamUrl main = stream(checks, "streams.main", streams == null ? null : streams.main());
        StreamUrl sub = stream(checks, "streams.sub", streams == null ? null : streams.sub());
        if (!checks.ok()) {
            return null;
        }
        List<String> warnings = gbId.divisionWarning(r.areaCode().trim(), areaPath).stream().toList();
        Double azimuth = r.azimuthDeg() != null ? r.azimuthDeg() : Direction.azimuthOf(r.directionCode());
        String context = r.gbId();
        CameraRecord record = new CameraRecord(r.gbId(), r.name().trim(), r.pointClass(), r.cameraType(), r.lat(), r.lon(),
                r.directionCode(), azimuth, r.hFovDeg(), r.viewDistanceM(), trim(r.address()), r.areaCode().trim(), areaPath,
                trim(r.ownerUnit()), trim(r.maintainerUnit()), trim(r.contact()),
                r.networked() != null && r.networked(), r.lifecycle() == null ? Lifecycle.IN_USE : r.lifecycle(),
                r.installedOn(), r.recordDays(), trim(r.parentGbId()), tags,
                main == null ? null : main.url(), main == null ? null : main.protocol(), seal(context + "/MAIN", main),
                sub == null ? null : sub.url(), sub == null ? null : sub.protocol(), seal(context + "/SUB", sub),
                Completeness.missing(r), warnings);
        return new Built(record, warnings);
    }

    /** Context that binds a credential blob to its camera and stream. */
    public static String credentialContext(String gbId, String stream) {
        return gbId + "/" + stream;
    }

    public byte[] seal(String gbId, String stream, String userAndPassword) {
        return cipher.encrypt(credentialContext(gbId, stream), userAndPassword);
    }

    private byte[] seal(String context, StreamUrl url) {
        return url == null || url.credentials() == null ? null : cipher.encrypt(context, url.credentials());
    }

    private static StreamUrl stream(Checks checks, String field, CameraRequest.Stream stream) {
        if (stream == null || stream.url() == null || stream.url().isBlank()) {
            return null;
        }
        if (stream.url().length() > 1024) {
            checks.fail(field + ".url", "must be at most 1024 characters");
            return null;
        }
        try {
            return StreamUrl.parse(stream.url(), stream.protocol());
        } catch (StreamUrl.InvalidStreamUrl e) {
            checks.fail(field + ".url", e.getMessage());
            return null;
        }
    }

    private static List<String> tags(List<String> raw, Checks checks) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            if (tag.trim().length() > 64) {
                checks.fail("tags", "each tag must be at most 64 characters");
            }
            tags.add(tag.trim());
        }
        if (tags.size() > MAX_TAGS) {
            checks.fail("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
