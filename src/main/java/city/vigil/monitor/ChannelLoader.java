package city.vigil.monitor;

import city.vigil.camera.Lifecycle;
import city.vigil.camera.StreamKind;
import city.vigil.camera.StreamProtocol;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads channel specs from the registry. A full load streams the camera table with a cursor, so a million cameras
 * never sit in one result set; area paths, maintainer units and parent IDs repeat across thousands of cameras and
 * are shared, not copied (that is most of the heap a channel would otherwise take).
 */
final class ChannelLoader {
    private static final String SELECT = "SELECT gb_id, point_class, area_path, maintainer_unit, owner_unit, lifecycle, parent_gb_id, networked, "
            + "cardinality(missing_fields) = 0 AS complete, main_url, main_protocol, main_credentials, sub_url, sub_protocol, sub_credentials FROM camera";

    private final AgroalDataSource dataSource;
    private final boolean preferSub;
    private final Map<String, String> shared = new HashMap<>();

    ChannelLoader(AgroalDataSource dataSource, StreamKind stream) {
        this.dataSource = dataSource;
        this.preferSub = stream == StreamKind.SUB;
    }

    /** Streams every camera to {@code sink}; returns how many. */
    synchronized long loadAll(Consumer<ChannelSpec> sink) {
        long n = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            // The PostgreSQL driver only streams with a fetch size inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                        n++;
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the camera registry", e);
        }
        return n;
    }

    synchronized Optional<ChannelSpec> load(String gbId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " WHERE gb_id = ?")) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read camera " + gbId, e);
        }
    }

    private ChannelSpec read(ResultSet rs) throws SQLException {
        String mainUrl = rs.getString("main_url");
        String subUrl = rs.getString("sub_url");
        boolean useSub = subUrl != null && (preferSub || mainUrl == null);
        String url = useSub ? subUrl : mainUrl;
        String protocol = rs.getString(useSub ? "sub_protocol" : "main_protocol");
        byte[] credentials = rs.getBytes(useSub ? "sub_credentials" : "main_credentials");
        String areaPath = share(rs.getString("area_path"));
        return new ChannelSpec(rs.getString("gb_id").trim(), rs.getInt("point_class"), areaPath, share(ChannelSpec.districtOf(areaPath)),
                share(rs.getString("maintainer_unit")), share(rs.getString("owner_unit")), Lifecycle.valueOf(rs.getString("lifecycle")), share(trim(rs.getString("parent_gb_id"))),
                rs.getBoolean("networked"), rs.getBoolean("complete"), url, protocol == null ? null : StreamProtocol.valueOf(protocol), credentials,
                url == null ? null : useSub ? "SUB" : "MAIN");
    }

    private String share(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
