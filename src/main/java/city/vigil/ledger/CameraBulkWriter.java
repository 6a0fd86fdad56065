package city.vigil.ledger;

import city.vigil.camera.CameraRecord;
import city.vigil.camera.CameraRecords;
import city.vigil.camera.CameraRequest;
import city.vigil.platform.Checks;
import city.vigil.platform.FieldError;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Imports cameras fast: rows are validated by the same {@link CameraRecords} rules as the API, streamed into a
 * temporary table with COPY, checked for duplicate IDs, then upserted in chunks. The upsert touches only rows that
 * differ, so importing the same file twice changes nothing. Atomic mode and dry runs roll the whole write back.
 */
@ApplicationScoped
class CameraBulkWriter {
    private static final List<String> COLUMNS = List.of("gb_id", "name", "point_class", "camera_type", "lat", "lon",
            "direction_code", "azimuth_deg", "h_fov_deg", "view_distance_m", "address", "area_code", "area_path",
            "owner_unit", "maintainer_unit", "contact", "networked", "lifecycle", "installed_on", "record_days",
            "parent_gb_id", "tags", "main_url", "main_protocol", "main_credentials", "sub_url", "sub_protocol",
            "sub_credentials", "missing_fields", "warnings");

    private final AgroalDataSource dataSource;
    private final CameraRecords records;
    private final ObjectMapper mapper;
    private final ImportConfig config;

    CameraBulkWriter(AgroalDataSource dataSource, CameraRecords records, ObjectMapper mapper, ImportConfig config) {
        this.dataSource = dataSource;
        this.records = records;
        this.mapper = mapper;
        this.config = config;
    }

    /** Runs the import and returns its final state. */
    ImportState run(LedgerReader reader, ImportJob job, Scope scope, ImportProgress progress, ImportErrors errors)
            throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ImportState state = stageAndWrite(connection, reader, job, scope, progress, errors);
                if (job.dryRun || state == ImportState.REJECTED) {
                    connection.rollback();
                    return state;
                }
                connection.commit();
                refreshStatistics(connection, progress);
                return state;
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private ImportState stageAndWrite(Connection connection, LedgerReader reader, ImportJob job, Scope scope,
                                      ImportProgress progress, ImportErrors errors) throws IOException, SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE camera_stage (row_no bigint NOT NULL, LIKE camera INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        Map<String, String> areaPaths = areaPaths(connection, scope);
        stage(connection, reader, job, areaPaths, progress, errors);
        progress.phase("checking duplicates");
        rejectDuplicates(connection, progress, errors);
        errors.flush();
        if (job.mode == ImportMode.ATOMIC && progress.rejected > 0) {
            return ImportState.REJECTED;
        }
        progress.phase("writing");
        upsert(connection, scope, progress);
        progress.unchanged = progress.accepted - progress.created - progress.updated;
        return progress.rejected > 0 ? ImportState.PARTIAL : ImportState.SUCCEEDED;
    }

    private void stage(Connection connection, LedgerReader reader, ImportJob job, Map<String, String> areaPaths,
                       ImportProgress progress, ImportErrors errors) throws IOException, SQLException {
        if (job.format == ImportFormat.CSV) {
            reader.startCsv(LedgerColumns.CAMERA);
        } else {
            reader.startJson();
        }
        CameraRowParser parser = new CameraRowParser(mapper);
        PGConnection pg = connection.unwrap(PGConnection.class);
        String copy = "COPY camera_stage (row_no, " + String.join(", ", COLUMNS) + ") FROM STDIN";
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, copy, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            CopyText line = new CopyText(out);
            LedgerRow row;
            while ((row = reader.next()) != null) {
                List<RowError> rowErrors = new ArrayList<>();
                CameraRequest request = parser.parse(row, rowErrors);
                CameraRecord record = null;
                if (request != null && request.areaCode() == null && !row.has("areaCode") && request.gbId() != null) {
                    request = areaFromId(row, request, areaPaths, rowErrors, progress);
                }
                if (request != null) {
                    Checks checks = new Checks();
                    CameraRecords.Built built = records.build(request, areaPaths::get, checks);
                    for (FieldError e : checks.errors()) {
                        rowErrors.add(new RowError(row.rowNo(), e.field(), CameraRowParser.fieldColumn(row, e.field()),
                                CameraRowParser.shownValue(row, e.field()), row.explain(e.field(), e.reason())));
                    }
                    record = built == null ? null : built.record();
                }
                progress.rowsRead++;
                if (record == null) {
                    errors.reject(rowErrors);
                    progress.rejected++;
                } else {
                    write(line, row.rowNo(), record);
                    progress.accepted++;
                }
                progress.bytesRead = reader.bytesRead();
                progress.tick();
            }
        }
    }

    /**
     * A ledger without an area: the first six digits of a GB/T 28181 ID are the administrative division, so that
     * area is the camera's when the registry has it (counted, and said in the job's message); otherwise the row is
     * rejected with the area it named.
     */
    private static CameraRequest areaFromId(LedgerRow row, CameraRequest request, Map<String, String> areaPaths, List<RowError> errors,
                                            ImportProgress progress) {
        String gbId = request.gbId().trim();
        String division = gbId.length() >= 6 && gbId.substring(0, 6).chars().allMatch(Character::isDigit) ? gbId.substring(0, 6) : null;
        if (division == null || !areaPaths.containsKey(division)) {
            errors.add(new RowError(row.rowNo(), "areaCode", "areaCode", null, "the ledger gives no area, and the division of the ID ("
                    + (division == null ? "none" : division) + ") is no area of the registry"));
            return null;
        }
        progress.areasFromId++;
        return request.withAreaCode(division);
    }

    /**
     * After a large write the planner's statistics are stale (it would scan a district's 100k cameras expecting 5k)
     * and new rows are not yet all-visible for index-only scans: VACUUM ANALYZE now rather than wait for autovacuum.
     */
    private void refreshStatistics(Connection connection, ImportProgress progress) throws SQLException {
        long changed = progress.created + progress.updated;
        if (changed < config.analyzeFrom()) {
            return;
        }
        progress.phase("analyzing");
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM (ANALYZE) camera");
        }
    }

    /**
     * An initial load (many more rows than the table holds) is far faster with the secondary indexes built once
     * afterwards than maintained row by row. Dropped and rebuilt in the import's transaction: a rollback restores them,
     * and other writers wait on the table lock meanwhile. Returns the definitions to rebuild, empty when not worth it.
     */
    private List<String> deferIndexes(Connection connection, long incoming) throws SQLException {
        long existing;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM camera LIMIT " + (incoming / 4 + 1) + ") t")) {
            rs.next();
            existing = rs.getLong(1);
        }
        if (incoming < config.rebuildIndexesFrom() || existing > incoming / 4) {
            return List.of();
        }
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = 'camera' "
                        + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    private static void write(CopyText line, long rowNo, CameraRecord r) throws IOException {
        line.value(rowNo).value(r.gbId()).value(r.name()).value(r.pointClass()).value(r.cameraType()).value(r.lat())
                .value(r.lon()).value(r.directionCode()).value(r.azimuthDeg()).value(r.hFovDeg()).value(r.viewDistanceM())
                .value(r.address()).value(r.areaCode()).value(r.areaPath()).value(r.ownerUnit()).value(r.maintainerUnit())
                .value(r.contact()).value(r.networked()).value(r.lifecycle().name()).value(r.installedOn())
                .value(r.recordDays()).value(r.parentGbId()).value(r.tags()).value(r.mainUrl())
                .value(r.mainProtocol() == null ? null : r.mainProtocol().name()).value(r.mainCredentials())
                .value(r.subUrl()).value(r.subProtocol() == null ? null : r.subProtocol().name())
                .value(r.subCredentials()).value(r.missingFields()).value(r.warnings());
        line.endRow();
    }

    /** A gbId twice in one file: the first row stands, later ones are rejected and say which row they repeat. */
    private void rejectDuplicates(Connection connection, ImportProgress progress, ImportErrors errors) throws SQLException {
        String sql = "SELECT gb_id, array_agg(row_no ORDER BY row_no) FROM camera_stage GROUP BY gb_id HAVING count(*) > 1";
        List<Long> dropped = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Array rows = rs.getArray(2);
                Long[] numbers = (Long[]) rows.getArray();
                for (int i = 1; i < numbers.length; i++) {
                    errors.reject(List.of(new RowError(numbers[i], "gbId", "gbId", rs.getString(1).trim(),
                            "repeats row " + numbers[0] + "; each gbId may appear once per file")));
                    dropped.add(numbers[i]);
                }
            }
        }
        if (!dropped.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM camera_stage WHERE row_no = ANY (?)")) {
                s.setArray(1, connection.createArrayOf("bigint", dropped.toArray()));
                s.executeUpdate();
            }
            progress.accepted -= dropped.size();
            progress.rejected += dropped.size();
        }
    }

    private void upsert(Connection connection, Scope scope, ImportProgress progress) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX ON camera_stage (row_no)");
            s.execute("ANALYZE camera_stage");
        }
        long maxRow;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(row_no), 0) FROM camera_stage")) {
            rs.next();
            maxRow = rs.getLong(1);
        }
        String cols = String.join(", ", COLUMNS);
        String updates = COLUMNS.stream().filter(c -> !c.equals("gb_id")).map(c -> c + " = " + incoming(c))
                .collect(Collectors.joining(", "));
        String current = COLUMNS.stream().filter(c -> !c.equals("gb_id")).map(c -> "c." + c).collect(Collectors.joining(", "));
        String proposed = COLUMNS.stream().filter(c -> !c.equals("gb_id")).map(CameraBulkWriter::incoming).collect(Collectors.joining(", "));
        SqlWhere inScope = new SqlWhere().scope(scope, "c.area_path");
        String sql = "WITH up AS (INSERT INTO camera AS c (" + cols + ") SELECT " + cols
                + " FROM camera_stage WHERE row_no > ? AND row_no <= ? ON CONFLICT (gb_id) DO UPDATE SET " + updates
                + ", version = c.version + 1, updated_at = now()"
                + " WHERE (" + current + ") IS DISTINCT FROM (" + proposed + ") AND " + inScope.sql()
                + " RETURNING (xmax = 0) AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up";
        int chunk = config.writeChunk();
        List<String> deferred = deferIndexes(connection, progress.accepted);
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (long from = 0; from < maxRow; from += chunk) {
                s.setLong(1, from);
                s.setLong(2, from + chunk);
                for (int i = 0; i < inScope.params().size(); i++) {
                    s.setObject(3 + i, inScope.params().get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    progress.created += rs.getLong(1);
                    progress.updated += rs.getLong(2);
                }
                progress.tick();
            }
        }
        if (!deferred.isEmpty()) {
            progress.phase("indexing");
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL maintenance_work_mem = '256MB'");
                for (String definition : deferred) {
                    s.execute(definition);
                }
            }
        }
    }

    /** The value a column takes from the ledger; credentials absent from the ledger keep what is stored. */
    private static String incoming(String column) {
        return column.endsWith("_credentials") ? "coalesce(excluded." + column + ", c." + column + ")" : "excluded." + column;
    }

    private static Map<String, String> areaPaths(Connection connection, Scope scope) throws SQLException {
        SqlWhere where = new SqlWhere().scope(scope, "path");
        Map<String, String> paths = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT code, path FROM area WHERE " + where.sql())) {
            where.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    paths.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return paths;
    }
}
