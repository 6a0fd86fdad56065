package city.vigil.ledger;

import city.vigil.camera.CameraRequest;
import city.vigil.camera.Lifecycle;
import city.vigil.camera.StreamProtocol;
import city.vigil.platform.Redact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a ledger row into a {@link CameraRequest}, reporting every cell it cannot read. */
final class CameraRowParser {
    private final ObjectMapper mapper;

    CameraRowParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The request, or null when a cell could not be read (the errors are added to {@code errors}). */
    CameraRequest parse(LedgerRow row, List<RowError> errors) {
        if (row.malformed() != null) {
            errors.add(new RowError(row.rowNo(), null, null, null, row.malformed()));
            return null;
        }
        return row.json() != null ? parseJson(row, errors) : parseCsv(row, errors);
    }

    private CameraRequest parseJson(LedgerRow row, List<RowError> errors) {
        if (!row.json().isObject()) {
            errors.add(new RowError(row.rowNo(), null, null, null, "each element must be a JSON object"));
            return null;
        }
        if (row.json().has("sites")) {
            errors.add(new RowError(row.rowNo(), "sites", "sites", null, "key-site links are set through the camera API, not imports"));
            return null;
        }
        try {
            return mapper.treeToValue(row.json(), CameraRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            errors.add(new RowError(row.rowNo(), field, field, null, e.getOriginalMessage().split("\n")[0]));
            return null;
        } catch (JsonProcessingException e) {
            errors.add(new RowError(row.rowNo(), null, null, null, e.getOriginalMessage()));
            return null;
        }
    }

    private CameraRequest parseCsv(LedgerRow row, List<RowError> errors) {
        Map<String, String> v = row.values();
        Cells cells = new Cells(row, errors);
        Integer pointClass = cells.read("pointClass", LedgerValues::pointClass);
        Integer cameraType = cells.read("cameraType", LedgerValues::cameraType);
        Double lat = cells.read("lat", LedgerValues::decimal);
        Double lon = cells.read("lon", LedgerValues::decimal);
        Integer direction = cells.read("directionCode", LedgerValues::direction);
        Double azimuth = cells.read("azimuthDeg", LedgerValues::decimal);
        Double hFov = cells.read("hFovDeg", LedgerValues::decimal);
        Double distance = cells.read("viewDistanceM", LedgerValues::decimal);
        Boolean networked = cells.read("networked", LedgerValues::bool);
        String lifecycle = cells.read("lifecycle", LedgerValues::lifecycle);
        var installedOn = cells.read("installedOn", LedgerValues::date);
        Integer recordDays = cells.read("recordDays", s -> LedgerValues.integer(s, "a whole number of days"));
        StreamProtocol mainProtocol = cells.read("mainProtocol", CameraRowParser::protocol);
        StreamProtocol subProtocol = cells.read("subProtocol", CameraRowParser::protocol);
        if (cells.failed) {
            return null;
        }
        CameraRequest.Stream main = v.get("mainUrl") == null ? null : new CameraRequest.Stream(v.get("mainUrl"), mainProtocol);
        CameraRequest.Stream sub = v.get("subUrl") == null ? null : new CameraRequest.Stream(v.get("subUrl"), subProtocol);
        return new CameraRequest(v.get("gbId"), v.get("name"), pointClass, cameraType, lat, lon, direction, azimuth, hFov,
                distance, v.get("address"), v.get("areaCode"), v.get("ownerUnit"), v.get("maintainerUnit"), v.get("contact"),
                networked, lifecycle == null ? null : Lifecycle.valueOf(lifecycle), installedOn, recordDays,
                v.get("parentGbId"), LedgerValues.tags(v.get("tags")),
                main == null && sub == null ? null : new CameraRequest.Streams(main, sub), null);
    }

    private static StreamProtocol protocol(String s) throws LedgerValues.BadValue {
        if (s == null) {
            return null;
        }
        try {
            return StreamProtocol.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new LedgerValues.BadValue("must be RTSP, HTTP_FLV, HTTP_TS or HLS");
        }
    }

    /** Column of a request field, for errors raised after parsing (streams.main.url → the main URL column). */
    static String fieldColumn(LedgerRow row, String field) {
        return row.column(ledgerField(field));
    }

    /** Value shown in an error: the cell text for CSV, credentials removed, cut to a readable length. */
    static String shownValue(LedgerRow row, String field) {
        if (row.values() == null || field == null) {
            return null;
        }
        String value = Redact.userInfo(row.values().get(ledgerField(field)));
        return value == null || value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    /** The ledger field a request field is read from: the nested stream fields are flat columns in a ledger. */
    private static String ledgerField(String field) {
        return switch (field) {
            case "streams.main.url" -> "mainUrl";
            case "streams.main.protocol" -> "mainProtocol";
            case "streams.sub.url" -> "subUrl";
            case "streams.sub.protocol" -> "subProtocol";
            default -> field;
        };
    }

    private interface Reader<T> {
        T read(String text) throws LedgerValues.BadValue;
    }

    private static final class Cells {
        final LedgerRow row;
        final List<RowError> errors;
        boolean failed;

        Cells(LedgerRow row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
        }

        <T> T read(String field, Reader<T> reader) {
            String text = row.values().get(field);
            try {
                return reader.read(text);
            } catch (LedgerValues.BadValue e) {
                failed = true;
                errors.add(new RowError(row.rowNo(), field, row.column(field), Redact.userInfo(text), e.getMessage()));
                return null;
            }
        }
    }
}
