package city.vigil.access;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The access tables' small writes: one statement with its parameters, on a connection of its own. */
final class Statements {

    private Statements() {
    }

    static void update(AgroalDataSource dataSource, String what, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change " + what, e);
        }
    }
}
