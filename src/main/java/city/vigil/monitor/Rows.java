package city.vigil.monitor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads every row of a fixed query (start-up state, gauges), on a connection of its own. */
final class Rows {
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    static void each(DataSource dataSource, String sql, Row row) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read monitor state: " + sql, e);
        }
    }
}
