package city.vigil.coverage;

import city.vigil.status.LinkState;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads sites, grids and cameras in service (with their last known state) from PostgreSQL for the {@link CoverageBook}. */
final class CoverageLoader {
    private static final String CAMERAS = "SELECT c.gb_id, c.point_class, c.area_path, c.lat, c.lon, c.direction_code, c.h_fov_deg, c.view_distance_m, "
            + "c.camera_type, s.state, s.since, s.cause FROM camera c LEFT JOIN channel_status s ON s.gb_id = c.gb_id WHERE c.lifecycle = 'IN_USE'";

    /** A camera row with its state. */
    record Row(CameraSpec spec, LinkState state, Instant since, String cause) {
    }

    private final AgroalDataSource dataSource;

    CoverageLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<SiteSpec> sites() throws SQLException {
        List<SiteSpec> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT code, name, category, area_path, lat, lon, "
                + "radius_m, min_online_cameras, max_point_class, polygon::text FROM site"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                double lat = rs.getDouble(5);
                boolean centred = !rs.wasNull();
                double lon = rs.getDouble(6);
                double radius = rs.getDouble(7);
                if (!centred) {
                    // A site drawn as a polygon: its vertices' centre and the distance to its farthest vertex.
                    double[] disc = disc(rs.getString(10));
                    if (disc == null) {
                        continue;
                    }
                    lat = disc[0];
                    lon = disc[1];
                    radius = disc[2];
                }
                out.add(new SiteSpec(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), lat, lon, radius, rs.getInt(8), rs.getInt(9)));
            }
        }
        return out;
    }

    /** {lat, lon, radius m} of a GeoJSON polygon's outer ring, or null when it has none. */
    static double[] disc(String geoJson) {
        try {
            com.fasterxml.jackson.databind.JsonNode ring = JSON.readTree(geoJson).path("coordinates").path(0);
            if (!ring.isArray() || ring.isEmpty()) {
                return null;
            }
            // A closed ring repeats its first vertex last: count it once.
            int n = ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.size() - 1 : ring.size();
            double lat = 0;
            double lon = 0;
            for (int i = 0; i < n; i++) {
                lon += ring.get(i).path(0).asDouble();
                lat += ring.get(i).path(1).asDouble();
            }
            lat /= n;
            lon /= n;
            ViewShape centre = new ViewShape(lat, lon, Double.NaN, 360, 0);
            double radius = 0;
            for (com.fasterxml.jackson.databind.JsonNode p : ring) {
                radius = Math.max(radius, centre.distanceTo(p.path(1).asDouble(), p.path(0).asDouble()));
            }
            return new double[] {lat, lon, radius};
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    List<GridSpec> grids() throws SQLException {
        List<GridSpec> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT code, path FROM area WHERE level = 'GRID'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new GridSpec(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** Streams every camera in service. */
    void cameras(Consumer<Row> each) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(CAMERAS)) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(row(rs));
                    }
                }
            } finally {
                c.commit();
            }
        }
    }

    /** One camera, or null when it is gone or out of service. */
    Row camera(String gbId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CAMERAS + " AND c.gb_id = ?")) {
            s.setString(1, gbId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String path = rs.getString(3);
        double lat = rs.getDouble(4);
        boolean positioned = !rs.wasNull();
        double lon = rs.getDouble(5);
        positioned &= !rs.wasNull();
        Integer direction = (Integer) rs.getObject(6, Integer.class);
        Double fov = rs.getObject(7, Double.class);
        Double distance = rs.getObject(8, Double.class);
        Integer type = rs.getObject(9, Integer.class);
        ViewShape view = positioned ? ViewShape.of(lat, lon, city.vigil.camera.Direction.azimuthOf(direction), fov, distance, type) : null;
        // Grids are the fifth level of a path (city/district/street/community/grid/).
        String grid = path.split("/").length >= 5 ? path : null;
        String state = rs.getString(10);
        Timestamp since = rs.getTimestamp(11);
        return new Row(new CameraSpec(rs.getString(1).trim(), rs.getInt(2), path, grid, view), state == null ? LinkState.UNKNOWN : LinkState.valueOf(state),
                since == null ? null : since.toInstant(), rs.getString(12));
    }
}
