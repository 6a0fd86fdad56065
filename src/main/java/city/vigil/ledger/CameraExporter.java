package city.vigil.ledger;

import city.vigil.camera.CameraFilter;
import city.vigil.camera.CameraRequest;
import city.vigil.camera.CameraService;
import city.vigil.camera.Lifecycle;
import city.vigil.camera.StreamProtocol;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streams cameras out as CSV or JSON in the shape imports accept (credentials never included), read from a
 * database cursor so a million rows need no more memory than a few.
 */
@ApplicationScoped
public class CameraExporter {
    static final List<String> CSV_COLUMNS = List.of("gbId", "name", "pointClass", "cameraType", "lat", "lon",
            "directionCode", "azimuthDeg", "hFovDeg", "viewDistanceM", "address", "areaCode", "ownerUnit",
            "maintainerUnit", "contact", "networked", "lifecycle", "installedOn", "recordDays", "parentGbId", "tags",
            "mainUrl", "mainProtocol", "subUrl", "subProtocol");
    private static final int FETCH = 2000;

    private final AgroalDataSource dataSource;
    private final CameraService cameras;
    private final ObjectWriter json;

    /** The largest export one request may take: a city of 923,000 fits, a runaway loop of exports does not multiply it. */
    private final long maxRows;

    CameraExporter(AgroalDataSource dataSource, CameraService cameras, ObjectMapper mapper,
                   @ConfigProperty(name = "vigil.export.max-rows", defaultValue = "1000000") long maxRows) {
        this.maxRows = maxRows;
        this.dataSource = dataSource;
        this.cameras = cameras;
        this.json = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL).writerFor(CameraRequest.class);
    }

    /** Resolves the filter now (so a bad one is a 400 before any byte is sent) and returns the writer. */
    public Export prepare(Scope scope, CameraFilter filter) {
        SqlWhere where = cameras.where(scope, filter);
        long rows = count(where);
        if (rows > maxRows) {
            throw new ApiException(ApiError.TOO_LARGE, "The export would hold " + rows + " cameras, more than " + maxRows
                    + " (vigil.export.max-rows): narrow the filter (area, pointClass, maintainer …)");
        }
        return new Export(where);
    }

    private long count(SqlWhere where) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM camera WHERE " + where.sql())) {
            where.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the export", e);
        }
    }

    /** A prepared export. */
    public final class Export {
        private final SqlWhere where;

        private Export(SqlWhere where) {
            this.where = where;
        }

        public void csv(OutputStream out, Charset charset, boolean bom) throws IOException {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 64 * 1024);
            if (bom) {
                w.write('\uFEFF');
            }
            w.write(String.join(",", CSV_COLUMNS));
            w.write("\r\n");
            each(r -> {
                List<Object> cells = Arrays.asList(r.gbId(), r.name(), r.pointClass(), r.cameraType(), r.lat(), r.lon(),
                        r.directionCode(), r.azimuthDeg(), r.hFovDeg(), r.viewDistanceM(), r.address(), r.areaCode(),
                        r.ownerUnit(), r.maintainerUnit(), r.contact(), r.networked(), r.lifecycle(), r.installedOn(),
                        r.recordDays(), r.parentGbId(), r.tags() == null ? null : String.join(";", r.tags()),
                        stream(r, true, false), stream(r, true, true), stream(r, false, false), stream(r, false, true));
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(csvCell(cells.get(i)));
                }
                w.write("\r\n");
            });
            w.flush();
        }

        public void json(OutputStream out) throws IOException {
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.writeStartArray();
                each(r -> json.writeValue(g, r));
                g.writeEndArray();
            }
        }

        private void each(RowConsumer consumer) throws IOException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM camera WHERE " + where.sql() + " ORDER BY gb_id")) {
                    s.setFetchSize(FETCH);
                    where.bind(s);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            consumer.accept(request(rs));
                        }
                    }
                } finally {
                    c.rollback();
                }
            } catch (SQLException e) {
                throw new IOException("Export query failed", e);
            }
        }
    }

    private interface RowConsumer {
        void accept(CameraRequest row) throws IOException;
    }

    private static Object stream(CameraRequest r, boolean main, boolean protocol) {
        CameraRequest.Stream s = r.streams() == null ? null : main ? r.streams().main() : r.streams().sub();
        return s == null ? null : protocol ? s.protocol() : s.url();
    }

    private static CameraRequest request(ResultSet rs) throws SQLException {
        Date installed = rs.getDate("installed_on");
        Array tags = rs.getArray("tags");
        String mainUrl = rs.getString("main_url");
        String subUrl = rs.getString("sub_url");
        CameraRequest.Stream main = mainUrl == null ? null : new CameraRequest.Stream(mainUrl, protocol(rs.getString("main_protocol")));
        CameraRequest.Stream sub = subUrl == null ? null : new CameraRequest.Stream(subUrl, protocol(rs.getString("sub_protocol")));
        return new CameraRequest(rs.getString("gb_id").trim(), rs.getString("name"), rs.getInt("point_class"),
                (Integer) rs.getObject("camera_type", Integer.class), (Double) rs.getObject("lat", Double.class),
                (Double) rs.getObject("lon", Double.class), rs.getObject("direction_code", Integer.class),
                rs.getObject("azimuth_deg", Double.class), rs.getObject("h_fov_deg", Double.class),
                rs.getObject("view_distance_m", Double.class), rs.getString("address"), rs.getString("area_code"),
                rs.getString("owner_unit"), rs.getString("maintainer_unit"), rs.getString("contact"), rs.getBoolean("networked"),
                Lifecycle.valueOf(rs.getString("lifecycle")), installed == null ? null : installed.toLocalDate(),
                rs.getObject("record_days", Integer.class), trim(rs.getString("parent_gb_id")),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                main == null && sub == null ? null : new CameraRequest.Streams(main, sub), null);
    }

    private static StreamProtocol protocol(String s) {
        return s == null ? null : StreamProtocol.valueOf(s);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
